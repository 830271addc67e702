package media

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// isSVG reports whether data is an SVG document: its first element is
// <svg>, after an optional XML declaration, comments and a doctype.
func isSVG(data []byte) bool {
	_, ok := svgRoot(data)
	return ok
}

// svgRoot finds the root element of an SVG document among its first
// tokens; only the start of the file is read.
func svgRoot(data []byte) (xml.StartElement, bool) {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	for range 32 {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, t.Name.Local == "svg"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, false
			}
		}
	}
	return xml.StartElement{}, false
}

// svgSize is an SVG's intrinsic size in CSS pixels: its width and height
// attributes when both are plain lengths, else its viewBox's.
func svgSize(data []byte) (w, h int, ok bool) {
	root, found := svgRoot(data)
	if !found {
		return 0, 0, false
	}
	var width, height, viewBox string
	for _, a := range root.Attr {
		switch a.Name.Local {
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		case "viewBox":
			viewBox = a.Value
		}
	}
	if w, h := length(width), length(height); w > 0 && h > 0 {
		return w, h, true
	}
	f := strings.FieldsFunc(viewBox, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	if len(f) == 4 {
		vw, err1 := strconv.ParseFloat(f[2], 64)
		vh, err2 := strconv.ParseFloat(f[3], 64)
		if err1 == nil && err2 == nil && vw >= 1 && vh >= 1 && vw < 1e6 && vh < 1e6 {
			return int(vw + 0.5), int(vh + 0.5), true
		}
	}
	return 0, 0, false
}

// length reads "120" or "120px"; other units (%, em, mm) are not a size
// in pixels and give 0.
func length(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v >= 1e6 {
		return 0
	}
	return int(v + 0.5)
}

// svgActive finds what would make an SVG more than a picture when a reader
// opens it at its own address (a browser runs an SVG document's scripts and
// loads what it references, in the site's origin): a script, an event
// handler, a javascript: or data: link, embedded HTML or a reference to
// another site. It returns a description with the line in the SVG, or "".
func svgActive(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	// Tags and attribute names are ASCII in every charset an SVG declares
	// (encoding="ISO-8859-1"): read the text as Latin-1, whose every byte
	// is a character, rather than fail.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) {
		b, err := io.ReadAll(r)
		var out []byte
		for _, c := range b {
			out = utf8.AppendRune(out, rune(c))
		}
		return bytes.NewReader(out), err
	}
	inStyle := 0
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			// A browser parses an SVG document as strict XML and stops at
			// its first error: what this lenient reading cannot get past,
			// no reader sees either, but what follows it goes unchecked.
			return "XML that cannot be read (line " + strconv.Itoa(line) + ")"
		}
		switch t := tok.(type) {
		case xml.Directive:
			// An entity declared in the document type is markup a browser
			// puts in where it is used: <!ENTITY x "&#60;script…"> then &x;
			// makes a script no element here shows. Plain text entities
			// (old Illustrator files name namespaces so) pass.
			if why := svgEntities(string(t)); why != "" {
				return why + " at line " + strconv.Itoa(line)
			}
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "script", "handler":
				return "a script (<" + t.Name.Local + "> at line " + strconv.Itoa(line) + ")"
			case "foreignobject", "iframe", "embed", "object":
				return "embedded content (<" + t.Name.Local + "> at line " + strconv.Itoa(line) + ")"
			case "style":
				inStyle++
			}
			for _, a := range t.Attr {
				name := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(name, "on") {
					return "an event handler (" + a.Name.Local + "= at line " + strconv.Itoa(line) + ")"
				}
				if why := svgRef(name, a.Value); why != "" {
					return why + " at line " + strconv.Itoa(line)
				}
			}
		case xml.EndElement:
			if strings.EqualFold(t.Name.Local, "style") && inStyle > 0 {
				inStyle--
			}
		case xml.CharData:
			if inStyle > 0 {
				if why := svgRef("style", string(t)); why != "" {
					return why + " at line " + strconv.Itoa(line)
				}
			}
		}
	}
}

// svgRef judges one attribute value (or a style sheet's text): links and
// animation values may not be scripts or HTML, and nothing may be loaded
// from another site.
func svgRef(name, value string) string {
	v := strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == '\u00a0' {
			return -1 // browsers ignore spaces and controls inside a scheme
		}
		return r
	}, value))
	for _, bad := range []string{"javascript:", "vbscript:", "data:text/html", "data:application/", "data:image/svg"} {
		if strings.Contains(v, bad) {
			return "a link to " + strings.TrimSuffix(bad, ":") + " content"
		}
	}
	external := func(ref string) bool {
		return strings.HasPrefix(ref, "http:") || strings.HasPrefix(ref, "https:") || strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, "ftp:")
	}
	switch name {
	case "href", "src":
		if external(v) {
			return "a reference to another site (" + strings.TrimSpace(value) + ")"
		}
	case "style", "fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid", "marker-end", "cursor":
		if strings.Contains(v, "@import") {
			return "a style sheet import"
		}
		for rest := v; ; {
			i := strings.Index(rest, "url(")
			if i < 0 {
				break
			}
			rest = strings.TrimLeft(rest[i+4:], "'\"")
			if external(rest) {
				return "a reference to another site in " + name
			}
		}
	}
	return ""
}

// svgEntities judges a document type declaration: an entity whose value
// holds markup ("<", or "&" that can spell it) or that is read from a file
// or another site is refused.
func svgEntities(directive string) string {
	rest := directive
	for {
		i := strings.Index(rest, "<!ENTITY")
		if i < 0 {
			return ""
		}
		rest = rest[i+len("<!ENTITY"):]
		decl, _, _ := strings.Cut(rest, ">")
		if strings.Contains(decl, "SYSTEM") || strings.Contains(decl, "PUBLIC") {
			return "an entity read from another file (<!ENTITY … SYSTEM>)"
		}
		if strings.ContainsAny(decl, "<&%") {
			return "an entity that holds markup (<!ENTITY> in the document type)"
		}
	}
}
