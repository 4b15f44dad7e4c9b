package ui

// contentSecurityPolicy lets pages run only this site's script files: no
// inline or injected script, no eval, no plugins, no framing, forms post
// only here. The JSON chart data sits in <script type="application/json">,
// which is data, not script. Styles allow inline attributes because the
// lights and bars carry their colour and width in style attributes and
// ECharts' tooltips write styled HTML; no stylesheet loads from elsewhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"
