package status

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/tabwriter"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/schema"
)

// Load reads every document of a content tree with its validated front
// matter. Problems are returned but do not stop the report: a translator
// wants to see the status of a site that does not build yet.
func Load(fsys fs.FS, opts content.Options, sections map[string]string) ([]Doc, diag.List) {
	tree, diags := content.Load(fsys, opts)
	docs := make([]Doc, 0, len(tree.Docs))
	for _, d := range tree.Docs {
		if d == nil || d.Front == nil {
			continue
		}
		m, vd := schema.Validate(d, sections)
		diags.Append(vd)
		docs = append(docs, Doc{Doc: d, Meta: m})
	}
	return docs, diags
}

// WriteText prints the report as a table, one document a line, then a
// line of counts.
func WriteText(w io.Writer, r *Report) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "document\t%s\n", strings.Join(r.Languages, "\t"))
	for _, row := range r.Rows {
		cells := make([]string, len(r.Languages))
		for i, l := range r.Languages {
			cells[i] = string(row.Langs[l].State)
		}
		fmt.Fprintf(tw, "%s\t%s\n", row.Key, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	n := r.Counts()
	_, err := fmt.Fprintf(w, "%d documents: %d missing, %d stale, %d drafts, %d unmarked translations (no translated_from)\n",
		len(r.Rows), n[Missing], n[Stale], n[Draft], n[Unmarked])
	return err
}
