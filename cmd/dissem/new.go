package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/status"
)

// translateMark starts the title of a translation that is still to be
// translated, so that the editor and dissem status see it at once.
const translateMark = "[translate] "

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", `dissem new [flags] TYPE NAME: create content/SECTION/NAME.LANG.md, a draft that builds.
dissem new --translate FILE --lang hu,sk: start translations of FILE.
TYPE is one of `+strings.Join(schema.Types, ", ")+`.`, stderr)
	source := fs.String("source", ".", "the site `folder`")
	cfgPath := fs.String("config", "", "configuration `file` (default SOURCE/site.yaml)")
	langs := fs.String("lang", "", "comma-separated language `codes` to create (default: the default language only)")
	translate := fs.String("translate", "", "make translations of this Markdown `file` instead of a new document")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if *translate == "" && len(names) != 2 {
		fmt.Fprintln(stderr, "dissem new: want TYPE and NAME, e.g. dissem new guide street-survey")
		fs.Usage()
		return errUsage
	}
	if *cfgPath == "" {
		*cfgPath = filepath.Join(*source, "site.yaml")
	}
	cfg, diags := config.Load(*cfgPath)
	if err := report(diags, true, stderr); err != nil {
		return err
	}
	codes, err := chooseLangs(cfg, *langs)
	if err != nil {
		fmt.Fprintln(stderr, "dissem new:", err)
		return errUsage
	}
	if *translate != "" {
		if len(names) != 0 || *langs == "" {
			fmt.Fprintln(stderr, "dissem new: --translate FILE takes no TYPE or NAME and needs --lang, e.g. dissem new --translate content/guides/x.en.md --lang hu,sk")
			return errUsage
		}
		return newTranslations(cfg, *translate, codes, stdout, stderr)
	}
	typ, name := names[0], names[1]
	slug := markdown.Slugify(name)
	if slug == "" {
		fmt.Fprintf(stderr, "dissem new: %q gives an empty file name; use letters or digits\n", name)
		return errUsage
	}
	if len(slug) > maxNameLen {
		// The file system refused it ("file name too long", exit 3), and the
		// build refuses an address part over 200 bytes anyway.
		fmt.Fprintf(stderr, "dissem new: the name makes a file name of %d characters; use a shorter name (at most %d), the title can stay long\n", len(slug), maxNameLen)
		return errUsage
	}
	if _, err := schema.Skeleton(typ, name, time.Now()); err != nil {
		fmt.Fprintln(stderr, "dissem new:", err)
		return errUsage
	}
	dir := filepath.Join(*source, "content", sectionFor(cfg, typ))
	var paths []string
	for _, code := range codes {
		p := filepath.Join(dir, slug+"."+code+".md")
		if _, err := os.Lstat(p); err == nil {
			fmt.Fprintf(stderr, "dissem new: %s exists already; nothing was written\n", p)
			return errUsage
		}
		paths = append(paths, p)
	}
	title := strings.ReplaceAll(name, "-", " ")
	src, err := schema.Skeleton(typ, title, time.Now())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// The first language named is the source; the others are translations
	// of it, made from its (still empty) body.
	from := status.Hash(bodyOf([]byte(src)))
	for i, p := range paths {
		data := []byte(src)
		if i > 0 {
			if data, err = markTranslation(data, title, from); err != nil {
				return err
			}
		}
		if err := writeNew(p, data); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "created", p)
	}
	// A draft with empty required fields is left out of the site, so the
	// preview answers "page not found" until they are filled: say so, or
	// the editor looks for the new page in dissem serve in vain.
	fmt.Fprintln(stdout, "Fill in the empty fields: dissem serve shows the draft once they are filled.")
	fmt.Fprintln(stdout, "Remove \"draft: true\" when it is ready to publish, and run dissem check.")
	return nil
}

// parseInterspersed parses flags before, between and after the names
// (dissem new guide x --lang hu, as editors type it: Go's flag package
// alone stops at the first name) and returns the names. "--" ends the
// flags, so a name may start with a dash.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var names []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return names, nil
		}
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(names, rest...), nil
		}
		names = append(names, rest[0])
		args = rest[1:]
	}
}

// chooseLangs parses --lang; empty means the default language.
func chooseLangs(cfg *config.Config, list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return []string{cfg.DefaultLanguage}, nil
	}
	var codes []string
	seen := map[string]bool{}
	for _, c := range strings.Split(list, ",") {
		c = strings.TrimSpace(c)
		ok := false
		for _, k := range cfg.Codes() {
			ok = ok || k == c
		}
		if !ok {
			return nil, fmt.Errorf("language %q is not one of the site's (%s)", c, strings.Join(cfg.Codes(), ", "))
		}
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	return codes, nil
}

// sectionFor is the folder documents of typ go in: the site's sections:
// mapping first (in name order, so the choice is stable), else the default.
// maxNameLen is the longest file name dissem new makes, before ".en.md".
const maxNameLen = 100

func sectionFor(cfg *config.Config, typ string) string {
	var folders []string
	for folder, t := range cfg.Sections {
		if t == typ {
			folders = append(folders, folder)
		}
	}
	if len(folders) > 0 {
		sort.Strings(folders)
		return folders[0]
	}
	sec, _ := schema.SectionOf(typ)
	return sec
}

// newTranslations writes FILE's translations into codes: the same front
// matter and body, the title marked for translation, draft: true, and
// translated_from set to the hash of FILE's body.
func newTranslations(cfg *config.Config, file string, codes []string, stdout, stderr io.Writer) error {
	doc, d := content.LoadFile(os.DirFS(filepath.Dir(file)), filepath.Base(file), content.Options{Prefix: filepath.ToSlash(filepath.Dir(file)), Languages: cfg.Codes(), Default: cfg.DefaultLanguage})
	if err := report(d, true, stderr); err != nil {
		return err
	}
	m, _ := schema.Validate(doc, cfg.Sections)
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var paths []string
	for _, code := range codes {
		if code == doc.Lang {
			fmt.Fprintf(stderr, "dissem new: %s is already the %s version\n", file, code)
			return errUsage
		}
		p := filepath.Join(filepath.Dir(file), doc.Base+"."+code+".md")
		if _, err := os.Lstat(p); err == nil {
			fmt.Fprintf(stderr, "dissem new: %s exists already; nothing was written\n", p)
			return errUsage
		}
		paths = append(paths, p)
	}
	data, err := markTranslation(src, m.Title, status.Hash(doc.Body))
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	for _, p := range paths {
		if err := writeNew(p, data); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "created", p)
	}
	fmt.Fprintln(stdout, "Translate the title, summary and text, remove \"draft: true\" when ready, and run dissem status.")
	return nil
}

// markTranslation sets the fields of a translation still to be made.
func markTranslation(src []byte, title, from string) ([]byte, error) {
	src, err := status.SetField(src, "title", translateMark+strings.TrimPrefix(title, translateMark))
	if err == nil {
		src, err = status.SetField(src, "draft", "true")
	}
	if err == nil {
		src, err = status.Mark(src, from)
	}
	return src, err
}

// bodyOf returns what follows the front matter of a file dissem wrote.
func bodyOf(src []byte) []byte {
	s := string(src)
	if i := strings.Index(s[3:], "\n---\n"); strings.HasPrefix(s, "---\n") && i >= 0 {
		return []byte(s[3+i+5:])
	}
	return src
}

// writeNew writes a file that must not exist yet, even if another program
// creates it between the check and the write.
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
