package ui

import (
	"net/url"
	"strconv"

	"github.com/duban-dev/duban"
)

// pager is the page links of a long list: the previous and next pages,
// the first and last, and two on either side of the current one.
type pager struct {
	Prev, Next string // empty on the first or last page
	Links      []pageLink
}

type pageLink struct {
	Label   string
	URL     string // empty for the current page and for a gap (…)
	Current bool
}

// pagerOf links the pages of total entries at path, keeping the filters
// in q.
func pagerOf(path string, q url.Values, p duban.Page, total int) pager {
	last := (total + p.PerPage - 1) / p.PerPage
	if last <= 1 && p.Page <= 1 {
		return pager{}
	}
	var pg pager
	if p.Page > 1 {
		pg.Prev = pageURL(path, q, min(p.Page-1, max(last, 1)))
	}
	if p.Page < last {
		pg.Next = pageURL(path, q, p.Page+1)
	}
	shown := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < p.Page-2 || n > p.Page+2) {
			continue
		}
		if n > shown+1 {
			pg.Links = append(pg.Links, pageLink{Label: "…"})
		}
		l := pageLink{Label: strconv.Itoa(n), Current: n == p.Page}
		if !l.Current {
			l.URL = pageURL(path, q, n)
		}
		pg.Links, shown = append(pg.Links, l), n
	}
	return pg
}

// pageURL is the path with the filters in q and page n.
func pageURL(path string, q url.Values, n int) string {
	keep := url.Values{"page": {strconv.Itoa(n)}}
	for k, vs := range q {
		keep[k] = vs
	}
	return path + "?" + keep.Encode()
}
