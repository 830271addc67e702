package safeurl

import "testing"

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		dest string
		want bool
	}{
		// Allowed: the schemes readers follow, and links inside the site.
		{"https://example.org/x", true},
		{"http://example.org", true},
		{"HTTPS://EXAMPLE.ORG", true},
		{"mailto:info@4im.eu", true},
		{"MailTo:info@4im.eu?subject=x", true},
		{"tel:+36-46-512-700", true},
		{"  https://example.org", true},
		{"ht\ttps://example.org", true}, // a browser drops the tab: still https
		{"mail\nto:info@4im.eu", true},
		{"//example.org/path", true},
		{"/media/guides/x.png", true},
		{"../guides/survey.md", true},
		{"survey.md#steps", true},
		{"#top", true},
		{"?q=housing", true},
		{"", true},
		{"plain-name.pdf", true},
		{"path/with:colon", true},
		{"a?b=c:d", true},
		{"https://example.org/?next=javascript:alert(1)", true},

		// Refused: script and data, however they are spelled.
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"JaVaScRiPt:alert(1)", false},
		{"  javascript:alert(1)", false},
		{"\tjavascript:alert(1)", false},
		{"\x00javascript:alert(1)", false},
		{"\x01\x02\x1fjavascript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{"java\nscript:alert(1)", false},
		{"java\rscript:alert(1)", false},
		{"j\ta\nv\ra script:alert(1)", false},
		{"java\x00script:alert(1)", false},
		{"&#106;avascript:alert(1)", false},
		{"&#x6A;avascript:alert(1)", false},
		{"&#X6a;AVASCRIPT:alert(1)", false},
		{"&#106avascript:alert(1)", false},
		{"&#0000106;avascript:alert(1)", false},
		{"javascript&colon;alert(1)", false},
		{"javascript&#58;alert(1)", false},
		{"javascript&#x3a;alert(1)", false},
		{"java&Tab;script:alert(1)", false},
		{"java&NewLine;script:alert(1)", false},
		{"&amp;#106;avascript:alert(1)", false},
		{"%6Aavascript:alert(1)", false},
		{"java%09script:alert(1)", false},
		{"ｊavascript:alert(1)", false},
		{"\u00a0javascript:alert(1)", false},
		{"\u2028javascript:alert(1)", false},
		{"vbscript:msgbox(1)", false},
		{"VBScript:msgbox(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", false},
		{"DATA:image/svg+xml,<svg onload=alert(1)>", false},
		{"data:image/png;base64,iVBORw0KGgo=", false},
		{"file:///etc/passwd", false},
		{"FILE:///C:/Windows/win.ini", false},
		{"C:\\Users\\editor\\report.pdf", false},
		{"ftp://files.example.org/x", false},
		{"blob:https://example.org/uuid", false},
		{"filesystem:https://example.org/temporary/x", false},
		{"intent://scan/#Intent;scheme=zxing;end", false},
		{"ms-settings:", false},
		{"view-source:https://example.org", false},
		{"about:blank", false},
		{"jar:https://example.org/x.jar!/", false},
		{":alert(1)", false},
		{"httpsx:alert(1)", false},
		{"https\\:alert(1)", false},
		{"aVeryLongSchemeNameIndeed:x", false},
	} {
		if got := Allowed(tc.dest); got != tc.want {
			t.Errorf("Allowed(%q) = %v, want %v", tc.dest, got, tc.want)
		}
	}
}

// The check runs for every link of every page: it must not allocate for
// ordinary destinations.
func TestAllowedDoesNotAllocate(t *testing.T) {
	for _, dest := range []string{"https://example.org/a/b?c=d#e", "../guides/survey.md", "javascript:alert(1)"} {
		if n := testing.AllocsPerRun(100, func() { Allowed(dest) }); n != 0 {
			t.Errorf("Allowed(%q) allocates %v times", dest, n)
		}
	}
}

func BenchmarkAllowed(b *testing.B) {
	for b.Loop() {
		Allowed("https://example.org/some/long/path/to/a/page/?query=1#fragment")
		Allowed("../guides/street-survey.md#step-2")
	}
}
