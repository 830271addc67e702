package brief

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/schema"
)

// xmpInfo is what a brief's XMP packet says: the document's citation data
// (issue 15) in the vocabularies readers, reference managers and the
// PDF/UA validators look for.
type xmpInfo struct {
	Title, Summary, Lang string
	Authors, Keywords    []string
	Publisher            string
	Licence, LicenceURL  string // the licence's statement or name, and its address
	DOI                  string // "10.1234/abc", without "doi:" or a resolver
	Date                 time.Time
}

// xmpPacket writes the metadata stream of a brief (ISO 16684-1). It is
// written uncompressed, as PDF/A and PDF/UA tools expect, and padded so
// that it can be edited in place.
func xmpPacket(in xmpInfo) []byte {
	var b bytes.Buffer
	b.Grow(2048)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
 xmlns:prism="http://prismstandard.org/namespaces/basic/3.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	alt := func(prop, s string) {
		if s == "" {
			return
		}
		b.WriteString("<" + prop + "><rdf:Alt><rdf:li xml:lang=\"x-default\">")
		xmlText(&b, s)
		b.WriteString("</rdf:li></rdf:Alt></" + prop + ">\n")
	}
	list := func(prop, kind string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("<" + prop + "><rdf:" + kind + ">")
		for _, s := range items {
			b.WriteString("<rdf:li>")
			xmlText(&b, s)
			b.WriteString("</rdf:li>")
		}
		b.WriteString("</rdf:" + kind + "></" + prop + ">\n")
	}
	simple := func(prop, s string) {
		if s == "" {
			return
		}
		b.WriteString("<" + prop + ">")
		xmlText(&b, s)
		b.WriteString("</" + prop + ">\n")
	}
	alt("dc:title", in.Title)
	list("dc:creator", "Seq", in.Authors) // ordered: the authors' order is part of a citation
	alt("dc:description", in.Summary)
	if in.Lang != "" {
		list("dc:language", "Bag", []string{in.Lang})
	}
	list("dc:subject", "Bag", in.Keywords)
	if in.Publisher != "" {
		list("dc:publisher", "Bag", []string{in.Publisher})
	}
	rights := in.Licence
	if rights == "" {
		rights = in.LicenceURL
	}
	alt("dc:rights", rights)
	if in.DOI != "" {
		simple("dc:identifier", "doi:"+in.DOI)
		simple("prism:doi", in.DOI)
		simple("prism:url", schema.DOIAddress(in.DOI))
	}
	if in.Licence != "" || in.LicenceURL != "" {
		simple("xmpRights:Marked", "True")
	}
	simple("xmpRights:WebStatement", in.LicenceURL)
	if !in.Date.IsZero() {
		// The same instant as the Info dictionary's dates (fpdf writes them
		// without a zone, in the date's own clock).
		d := in.Date.Format("2006-01-02T15:04:05")
		simple("xmp:CreateDate", d)
		simple("xmp:ModifyDate", d)
		simple("xmp:MetadataDate", d)
	}
	simple("xmp:CreatorTool", "dissem")
	simple("pdf:Producer", "dissem "+layoutVers)
	simple("pdf:Keywords", strings.Join(in.Keywords, ", "))
	simple("pdfuaid:part", "1")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 10)) // room to edit in place
	b.WriteString(`<?xpacket end="w"?>`)
	return b.Bytes()
}

// xmlText escapes s for XML character data, dropping the characters XML
// 1.0 cannot carry (control characters an editor may have pasted).
func xmlText(b *bytes.Buffer, s string) {
	clean := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF)) {
			return r
		}
		return -1
	}, s)
	_ = xml.EscapeText(b, []byte(clean))
}

// xmpOf is what the XMP packet of a brief with metadata m says. The
// licence is named by its name when the document has one of its own, else
// by the site's statement.
func xmpOf(m *Meta) xmpInfo {
	lic := m.LicenceName
	if lic == "" {
		lic = m.Licence
	}
	authors := m.Authors
	if len(authors) == 0 && m.Publisher != "" {
		// As the page's citation does: the publisher is the corporate author.
		authors = []string{m.Publisher}
	}
	return xmpInfo{Title: m.Title, Summary: m.Summary, Lang: m.Lang, Authors: authors,
		Keywords: m.Keywords, Licence: lic, LicenceURL: m.LicenceURL, DOI: m.DOI, Publisher: m.Publisher, Date: m.Date}
}
