package render

import (
	"strings"
	"testing"
)

// The policy forbids inline script and plugins, and the header file carries
// the same policy plus what a <meta> tag cannot say.
func TestContentSecurityPolicy(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(ContentSecurityPolicy, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		if _, dup := directives[name]; dup {
			t.Errorf("directive %s twice", name)
		}
		directives[name] = value
	}
	for name, want := range map[string]string{
		"script-src": "'self'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'",
		"default-src": "'self'", "style-src": "'self'",
	} {
		if directives[name] != want {
			t.Errorf("%s is %q, want %q", name, directives[name], want)
		}
	}
	if _, ok := directives["frame-ancestors"]; ok {
		t.Error("frame-ancestors in the <meta> policy: browsers ignore it there and log a warning")
	}

	headers := string(Headers())
	for _, line := range []string{
		"/*\n",
		"  Content-Security-Policy: " + ContentSecurityPolicy + "; frame-ancestors 'none'\n",
		"  X-Content-Type-Options: nosniff\n",
		"  Referrer-Policy: strict-origin-when-cross-origin\n",
		"  X-Frame-Options: DENY\n",
	} {
		if !strings.Contains(headers, line) {
			t.Errorf("_headers lacks %q:\n%s", line, headers)
		}
	}
}
