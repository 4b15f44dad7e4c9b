package notify

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/duban-dev/duban"
)

// Policy says which webhook targets may be reached. Loopback, private,
// link-local (cloud metadata at 169.254.169.254 among them), shared
// (100.64/10), unspecified and multicast addresses are refused unless
// Allow names the host: an administrator must not be able to make the
// server probe its own network. The check runs when a webhook is saved
// and again on every connection, against the address actually dialled,
// so a name that later resolves elsewhere (DNS rebinding) is refused too.
type Policy struct {
	// Allow lists host names or IP addresses (as written in webhook URLs)
	// that may be reached whatever they resolve to.
	Allow []string
}

// ParseAllow reads a comma-separated allow-list ("host1,10.0.0.5").
func ParseAllow(s string) Policy {
	var p Policy
	for _, h := range strings.Split(s, ",") {
		if h = strings.TrimSpace(h); h != "" {
			p.Allow = append(p.Allow, h)
		}
	}
	return p
}

func (p Policy) allows(host string) bool {
	host = strings.Trim(strings.ToLower(host), "[]")
	for _, a := range p.Allow {
		if strings.EqualFold(strings.Trim(a, "[]"), host) {
			return true
		}
	}
	return false
}

var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// forbiddenIP says why ip may not be dialled, or "" when it may.
func forbiddenIP(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "无效地址 (invalid address)"
	case ip.IsLoopback():
		return "本机地址 (loopback)"
	case ip.IsPrivate() || sharedSpace.Contains(ip):
		return "内网地址 (private network)"
	case ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast():
		return "链路本地或云元数据地址 (link-local or cloud metadata)"
	case ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast():
		return "不可用地址 (unspecified or multicast)"
	}
	return ""
}

// CheckURL refuses a webhook URL whose host is (or resolves to) a
// forbidden address. A URL that is not http(s) passes: the webhook's own
// validation names it with the other field errors. A name that does not
// resolve now passes too: the dial-time check still guards it.
func (p Policy) CheckURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil
	}
	host := u.Hostname()
	if p.allows(host) {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if why := forbiddenIP(ip); why != "" {
			return urlError(refusal(host, why))
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil
	}
	for _, ip := range ips {
		if why := forbiddenIP(ip); why != "" {
			return urlError(refusal(host, why))
		}
	}
	return nil
}

func refusal(host, why string) string {
	return fmt.Sprintf("不允许推送到 %s：%s；如确需使用，请由运维在 --webhook-allow 中列出该主机 (target refused; list the host in --webhook-allow)", host, why)
}

func urlError(msg string) error {
	return duban.Invalid("通知接收方有误 (invalid webhook)", duban.FieldError{Field: "url", Message: msg})
}

// dialContext dials allowed hosts freely and every other host only at an
// address that passes forbiddenIP, checked on the resolved address.
func (p Policy) dialContext(timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	free := &net.Dialer{Timeout: timeout}
	guarded := &net.Dialer{Timeout: timeout, Control: func(network, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("webhook: unparsable address %q", host)
		}
		if why := forbiddenIP(ip); why != "" {
			return fmt.Errorf("webhook: refused to connect to %s: %s", host, why)
		}
		return nil
	}}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err == nil && p.allows(host) {
			return free.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
}
