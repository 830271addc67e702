package search

import "github.com/4im-project/dissem/builder/markdown"

// Excerpt returns what the builder should keep of a parsed body for the
// index: nothing. The index reads the whole body from the rendered HTML
// that every page keeps anyway (resolve.Page.HTML), so it holds no text of
// its own between the parse and the end of the build.
//
// Deprecated: builder/site may stop calling it; it is kept so that the
// builder compiles while that change is made.
func Excerpt(d *markdown.Doc) string { return "" }
