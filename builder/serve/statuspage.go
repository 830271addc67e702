package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"

	"github.com/4im-project/dissem/builder/status"
)

// serveStatus answers /_status/: the translation status of the files as
// they are now, computed at each request (only an editor asks for it).
func (l *Live) serveStatus(w http.ResponseWriter, r *http.Request, st *liveState) {
	if !readOnly(w, r) {
		return
	}
	if l.o.Status == nil {
		http.NotFound(w, r)
		return
	}
	if r.URL.Path != statusURL {
		http.Redirect(w, r, statusURL, http.StatusMovedPermanently)
		return
	}
	rep, err := l.o.Status()
	if err != nil {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, "the translation status cannot be computed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", types[".html"])
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodHead {
		w.Write(statusPage(rep, st.head))
	}
}

// stateWords say each state for a reader; the cell's colour only repeats it.
var stateWords = map[status.State]string{
	status.Source:   "source",
	status.Current:  "up to date",
	status.Unmarked: "translated (not marked)",
	status.Draft:    "draft",
	status.Stale:    "stale: the source changed",
	status.Missing:  "missing",
}

// statusPage renders the report as a table: a row per document, a column
// per language, each cell saying its state in words and naming its file.
func statusPage(rep *status.Report, head []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Translation status – dissem serve</title>`)
	b.Write(head)
	b.WriteString(`</head><body><main class="dissem-status"><h1>Translation status</h1>`)
	n := rep.Counts()
	fmt.Fprintf(&b, `<p>%d documents: %d missing, %d stale, %d drafts, %d translations not marked with <code>translated_from</code>. `+
		`Mark a translation as up to date with <code>dissem status --mark FILE</code>.</p>`,
		len(rep.Rows), n[status.Missing], n[status.Stale], n[status.Draft], n[status.Unmarked])
	// The site's scrolling box for wide tables: on a phone the table
	// scrolls inside it instead of widening the page (1,100 px before).
	b.WriteString(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="dissem-status-caption">`)
	b.WriteString(`<table><caption id="dissem-status-caption">Each document in each language</caption><thead><tr><th scope="col">Document</th>`)
	for _, l := range rep.Languages {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, html.EscapeString(l))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, row := range rep.Rows {
		fmt.Fprintf(&b, `<tr><th scope="row">%s</th>`, html.EscapeString(row.Key))
		for _, l := range rep.Languages {
			c := row.Langs[l]
			words := stateWords[c.State]
			if words == "" {
				words = string(c.State)
			}
			fmt.Fprintf(&b, `<td class="dissem-state-%s">%s`, html.EscapeString(string(c.State)), html.EscapeString(words))
			if c.File != "" {
				fmt.Fprintf(&b, `<small>%s</small>`, html.EscapeString(c.File))
			}
			b.WriteString(`</td>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div></main></body></html>`)
	return b.Bytes()
}
