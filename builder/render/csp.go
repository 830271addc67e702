package render

import "strings"

// ContentSecurityPolicy is the policy every page carries in a <meta> tag:
// scripts, styles, images, fonts and fetches only from the site itself, no
// inline script (a payload that slips into a page cannot run), no plugins,
// no <base> or form pointing elsewhere. JSON-LD blocks are data, not
// script, and are not affected. Inline style attributes are allowed
// (style-src-attr) because goldmark aligns table columns with them; a
// <style> element is not.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"style-src-attr 'unsafe-inline'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// frameAncestors forbids framing (clickjacking). Browsers ignore it in a
// <meta> tag (and log a warning), so it is sent by the host only.
const frameAncestors = "frame-ancestors 'none'"

// HeadersName is the file at the site's root that Netlify, Cloudflare Pages
// and other static hosts read for response headers.
const HeadersName = "_headers"

// Headers returns the _headers file: the pages' policy plus what only a
// header can say, for every path of the site. Hosts that ignore the file
// still serve each page's <meta> policy.
func Headers() []byte {
	var b strings.Builder
	b.WriteString("# Written by dissem: security headers for hosts that read this file.\n")
	b.WriteString("/*\n")
	b.WriteString("  Content-Security-Policy: " + ContentSecurityPolicy + "; " + frameAncestors + "\n")
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: strict-origin-when-cross-origin\n")
	b.WriteString("  X-Frame-Options: DENY\n")
	// Pictures are named by a hash of their content (builder/media): a
	// name never changes its bytes, so browsers may keep them for good.
	b.WriteString("/pictures/*\n")
	b.WriteString("  Cache-Control: public, max-age=31536000, immutable\n")
	for _, t := range DownloadTypes {
		b.WriteString("/*" + t.Ext + "\n  Content-Type: " + t.Type + "\n")
	}
	return []byte(b.String())
}

// DownloadTypes are the Content-Types of the files a site publishes beside
// its pages whose type hosts guess differently: without a charset a browser
// shows a Hungarian register.csv or a kit's README.txt in Windows-1252;
// .bib, .ris and .xlsx go out as bytes of no kind; and under nosniff a
// caption file that is not text/vtt is refused by the video player. The
// _headers file names them (one rule an extension: Cloudflare Pages takes
// at most 100 rules), and dissem serve sends the same (builder/serve).
var DownloadTypes = []struct{ Ext, Type string }{
	{".txt", "text/plain; charset=utf-8"},
	{".csv", "text/csv; charset=utf-8"},
	{".json", "application/json; charset=utf-8"},
	{".bib", "application/x-bibtex; charset=utf-8"},
	{".ris", "application/x-research-info-systems; charset=utf-8"},
	{".vtt", "text/vtt; charset=utf-8"},
	{".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
}

// CSP is the policy of the page, for its <meta http-equiv> tag.
func (v *View) CSP() string { return ContentSecurityPolicy }
