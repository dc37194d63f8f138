// Package config reads .copydesk.yaml: which rules run, at what severity, with which options.
//
//	fail-on: warning            # lowest severity that fails the run (default: error)
//	rules:
//	  repeated-word: off        # off | on | info | warning | error
//	  house-style:
//	    severity: warning
//	    options:
//	      substitutions: {"Peking": "Beijing"}
//
// Every error names the file, line and column it comes from.
package config

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/copydesk/copydesk/rules"
	"go.yaml.in/yaml/v3"
)

// FileNames are the names a configuration file may have, in the order they are looked for.
var FileNames = []string{".copydesk.yaml", ".copydesk.yml"}

// Config is a parsed configuration file.
type Config struct {
	Path   string
	FailOn rules.Severity // zero when the file does not set it
	Rules  map[string]rules.Setting
}

// Find looks for a configuration file in dir and each of its parents; it returns "" when there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and parses a configuration file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Parse parses configuration text; path is used in error messages.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path, Rules: map[string]rules.Setting{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: invalid YAML: %w", path, err)
	}
	if len(root.Content) == 0 {
		return c, nil // an empty file is a valid, empty configuration
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, posError(path, doc, "want a mapping with keys fail-on and rules")
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		key, val := doc.Content[i], doc.Content[i+1]
		switch key.Value {
		case "fail-on":
			sev, err := rules.ParseSeverity(val.Value)
			if err != nil || val.Kind != yaml.ScalarNode {
				return nil, posError(path, val, "fail-on: want info, warning or error")
			}
			c.FailOn = sev
		case "rules":
			if err := c.parseRules(path, val); err != nil {
				return nil, err
			}
		default:
			return nil, posError(path, key, fmt.Sprintf("unknown key %q (want fail-on or rules)", key.Value))
		}
	}
	return c, nil
}

func (c *Config) parseRules(path string, n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return posError(path, n, "rules: want a mapping of rule id to settings")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		rule, err := rules.Lookup(key.Value)
		if err != nil {
			return posError(path, key, err.Error())
		}
		s, err := parseSetting(path, val)
		if err != nil {
			return err
		}
		if cr, ok := rule.(rules.Configurable); ok && !s.Disabled {
			if err := cr.Configure(s.Options); err != nil {
				return posError(path, val, fmt.Sprintf("rule %s: %v", key.Value, err))
			}
		} else if len(s.Options) > 0 {
			return posError(path, val, fmt.Sprintf("rule %s takes no options", key.Value))
		}
		c.Rules[key.Value] = s
	}
	return nil
}

// parseSetting reads either a scalar (off, on, or a severity) or a mapping with severity, enabled and
// options.
func parseSetting(path string, n *yaml.Node) (rules.Setting, error) {
	var s rules.Setting
	if n.Kind == yaml.ScalarNode {
		return scalarSetting(path, n)
	}
	if n.Kind != yaml.MappingNode {
		return s, posError(path, n, "want off, on, a severity, or a mapping with severity/enabled/options")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "severity":
			sev, err := rules.ParseSeverity(val.Value)
			if err != nil || val.Kind != yaml.ScalarNode {
				return s, posError(path, val, "severity: want info, warning or error")
			}
			s.Severity = sev
		case "enabled":
			var on bool
			if err := val.Decode(&on); err != nil {
				return s, posError(path, val, "enabled: want true or false")
			}
			s.Disabled = !on
		case "options":
			var opts map[string]any
			if err := val.Decode(&opts); err != nil || val.Kind != yaml.MappingNode {
				return s, posError(path, val, "options: want a mapping")
			}
			s.Options = opts
		default:
			return s, posError(path, key, fmt.Sprintf("unknown key %q (want severity, enabled or options)", key.Value))
		}
	}
	return s, nil
}

func scalarSetting(path string, n *yaml.Node) (rules.Setting, error) {
	switch n.Value {
	case "off", "false", "disabled":
		return rules.Setting{Disabled: true}, nil
	case "on", "true", "enabled":
		return rules.Setting{}, nil
	}
	sev, err := rules.ParseSeverity(n.Value)
	if err != nil {
		return rules.Setting{}, posError(path, n, "want off, on, info, warning or error")
	}
	return rules.Setting{Severity: sev}, nil
}

func posError(path string, n *yaml.Node, msg string) error {
	return fmt.Errorf("%s:%d:%d: %s", path, n.Line, n.Column, msg)
}
