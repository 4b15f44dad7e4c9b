package planfile

import (
	"context"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// Bounds on a plan file. YAML aliases let a 1 KB file stand for billions
// of nodes (each alias repeats its anchor's subtree), so the document is
// measured as if every alias were expanded before anything is built.
const (
	// MaxDocumentBytes is the largest plan file read (the Erqi plan is
	// about 0.3 MB; a plan of 100 000 items fits).
	MaxDocumentBytes = 32 << 20
	// MaxAliases is how many aliases (*name) a plan file may use.
	MaxAliases = 100
	// MaxNodes is how many YAML nodes (keys, values, list items) the
	// document may hold with every alias expanded.
	MaxNodes = 2_000_000
	// MaxDepth is how deeply mappings and lists may nest.
	MaxDepth = 200
)

// sizer measures a document's expanded size, visiting each written node
// once: an alias costs the size of its anchor, remembered.
type sizer struct {
	ctx     context.Context
	sizes   map[*yaml.Node]int
	aliases int
	visited int
	err     *duban.FieldError
}

// checkLimits refuses a document with too many aliases, too many nodes
// once expanded or too deep a nesting, and stops when ctx ends.
func checkLimits(ctx context.Context, doc *yaml.Node) *duban.FieldError {
	s := &sizer{ctx: ctx, sizes: map[*yaml.Node]int{}}
	if n := s.size(doc, 0); s.err == nil && n > MaxNodes {
		s.fail(doc, fmt.Sprintf("展开别名后节点过多：%d，最多 %d (too many nodes once aliases are expanded: at most %d)", n, MaxNodes, MaxNodes))
	}
	return s.err
}

func (s *sizer) fail(n *yaml.Node, msg string) int {
	if s.err == nil {
		s.err = &duban.FieldError{Field: "yaml", Line: n.Line, Message: msg}
	}
	return MaxNodes + 1
}

// size is the node count of n with aliases expanded, saturating just past
// MaxNodes.
func (s *sizer) size(n *yaml.Node, depth int) int {
	if s.err != nil {
		return MaxNodes + 1
	}
	if s.visited++; s.visited%4096 == 0 && s.ctx.Err() != nil {
		return s.fail(n, "已取消 (cancelled)")
	}
	if depth > MaxDepth {
		return s.fail(n, fmt.Sprintf("嵌套过深，最多 %d 层 (nested too deeply: at most %d levels)", MaxDepth, MaxDepth))
	}
	if n.Kind == yaml.AliasNode {
		if s.aliases++; s.aliases > MaxAliases {
			return s.fail(n, fmt.Sprintf("别名（*引用）过多，最多 %d 个 (too many aliases: at most %d)", MaxAliases, MaxAliases))
		}
		if n.Alias == nil {
			return 1
		}
		if v, ok := s.sizes[n.Alias]; ok {
			return v
		}
		return s.size(n.Alias, depth+1)
	}
	total := 1
	for _, c := range n.Content {
		total = min(total+s.size(c, depth+1), MaxNodes+1)
	}
	if n.Anchor != "" {
		s.sizes[n] = total
	}
	return total
}
