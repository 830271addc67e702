package citetest

import (
	"bytes"
	"path/filepath"
	"runtime"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// DataCiteSchemaFile is the DataCite Metadata Schema 4.6 as a JSON schema
// of DataCite's REST API records, builder/cite/testdata/datacite-v4.6.json
// (its $comment says where it comes from).
func DataCiteSchemaFile() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "datacite-v4.6.json")
}

// CompileDataCite compiles the DataCite schema, with formats asserted
// (a "uri" that is not one fails).
func CompileDataCite() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	return c.Compile(DataCiteSchemaFile())
}

// Validate checks one record against the schema.
func Validate(sch *jsonschema.Schema, rec []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}
