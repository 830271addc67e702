package render

import "github.com/4im-project/dissem/builder/resolve"

// RobotsName is the file at the site's root that search engines read first.
const RobotsName = "robots.txt"

// Robots returns robots.txt: every page may be crawled, and the sitemap is
// where the site lists them with their translations. (Crawlers read
// robots.txt only at a host's root: a site published below a path, such as
// https://example.eu/4im/, needs the host's own file to name the sitemap.)
// The 404 pages are kept out of search results by their robots meta tag,
// which a crawler must be allowed to read.
func Robots(site *resolve.Site) []byte {
	return []byte("# Written by dissem.\nUser-agent: *\nAllow: /\n\nSitemap: " + site.AbsURL(site.BasePath+"sitemap.xml") + "\n")
}
