package notify

import "net/url"

const dingTalkKnownSign = "KPrv+91qvU4X91k6cbLtTwMs1VBFGgMPXaFq1DrG33g="

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
