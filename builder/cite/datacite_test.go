package cite

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/cite/citetest"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileDataCite compiles the DataCite schema for a test.
func compileDataCite(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := citetest.CompileDataCite()
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestDataCiteValidates(t *testing.T) {
	sch := compileDataCite(t)
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			rec := w.DataCite("Case study")
			if err := citetest.Validate(sch, rec); err != nil {
				t.Fatalf("%v\n%s", err, rec)
			}
			var r struct {
				Data struct {
					Attributes struct {
						DOI                string
						Creators           []map[string]string
						RelatedIdentifiers []map[string]string
						FundingReferences  []map[string]string
						Types              map[string]string
					}
				}
			}
			if err := json.Unmarshal(rec, &r); err != nil {
				t.Fatal(err)
			}
			a := r.Data.Attributes
			if a.DOI != w.DOI {
				t.Errorf("doi %q, want %q", a.DOI, w.DOI)
			}
			for _, c := range a.Creators {
				if want := w.Corporate || w.IsOrg(c["name"]); (c["nameType"] == "Organizational") != want {
					t.Errorf("creator %v: Organizational only for the partners and the publisher", c)
				}
			}
			rels := map[string]int{}
			for _, ri := range a.RelatedIdentifiers {
				rels[ri["relationType"]]++
			}
			switch {
			case len(w.Versions) < 2:
				if len(rels) != 0 {
					t.Errorf("relations %v for a single version", rels)
				}
			case w.Lang == w.Original:
				if rels["HasTranslation"] != len(w.Versions)-1 {
					t.Errorf("relations %v, want HasTranslation to each translation", rels)
				}
			default:
				if rels["IsTranslationOf"] != 1 || len(rels) != 1 {
					t.Errorf("relations %v, want IsTranslationOf the original", rels)
				}
			}
			if w.GrantNumber != "" && (len(a.FundingReferences) != 1 || a.FundingReferences[0]["awardNumber"] != w.GrantNumber ||
				a.FundingReferences[0]["funderIdentifierType"] != "Crossref Funder ID") {
				t.Errorf("fundingReferences %v", a.FundingReferences)
			}
		})
	}
}

// TestDataCiteSchemaBites shows the schema refusing what DataCite would:
// each case breaks one record on purpose.
func TestDataCiteSchemaBites(t *testing.T) {
	sch := compileDataCite(t)
	good := string(works()["plain"].DataCite("Case study"))
	for name, edit := range map[string][2]string{
		"no creators":              {`"creators": [`, `"creatorz": [`},
		"unknown resource type":    {`"resourceTypeGeneral": "Report"`, `"resourceTypeGeneral": "CaseStudy"`},
		"unknown relation":         {`"relationType": "HasTranslation"`, `"relationType": "Translates"`},
		"year in words":            {`"publicationYear": 2023`, `"publicationYear": "twenty"`},
		"DOI without 10.":          {`"url": "https`, `"doi": "5281/x", "url": "https`},
		"relative landing page":    {`"url": "https://4im.example.eu/en/`, `"url": "/en/`},
		"funder id without type":   {`"funderIdentifierType": "Crossref Funder ID",`, ``},
		"description without type": {`"descriptionType": "Abstract",`, ``},
		"misspelt property":        {`"rightsUri"`, `"rightsURI"`},
	} {
		bad := strings.Replace(good, edit[0], edit[1], 1)
		if bad == good {
			t.Fatalf("%s: the edit %q does not apply", name, edit[0])
		}
		if citetest.Validate(sch, []byte(bad)) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}
