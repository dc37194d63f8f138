package rules

import (
	"fmt"
	"sort"
)

// Options are a rule's settings from configuration, as decoded from YAML or JSON.
type Options map[string]any

// String returns a string option, or def when it is absent.
func (o Options) String(key, def string) (string, error) {
	v, ok := o[key]
	if !ok {
		return def, nil
	}
	s, ok := v.(string)
	if !ok {
		return def, fmt.Errorf("option %q: want a string, got %s", key, kindOf(v))
	}
	return s, nil
}

// StringList returns a list-of-strings option, or nil when it is absent.
func (o Options) StringList(key string) ([]string, error) {
	v, ok := o[key]
	if !ok {
		return nil, nil
	}
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("option %q: want a list of strings, got %s", key, kindOf(v))
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("option %q: item %d: want a string, got %s", key, i+1, kindOf(it))
		}
		out = append(out, s)
	}
	return out, nil
}

// StringMap returns a map-of-strings option, or nil when it is absent.
func (o Options) StringMap(key string) (map[string]string, error) {
	v, ok := o[key]
	if !ok {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("option %q: want a mapping of strings, got %s", key, kindOf(v))
	}
	out := make(map[string]string, len(m))
	for k, it := range m {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("option %q: key %q: want a string, got %s", key, k, kindOf(it))
		}
		out[k] = s
	}
	return out, nil
}

// Bool returns a boolean option, or def when it is absent.
func (o Options) Bool(key string, def bool) (bool, error) {
	v, ok := o[key]
	if !ok {
		return def, nil
	}
	b, ok := v.(bool)
	if !ok {
		return def, fmt.Errorf("option %q: want true or false, got %s", key, kindOf(v))
	}
	return b, nil
}

// CheckKeys returns an error naming the first option that is not among the known ones, so a typo in
// configuration is not silently ignored.
func (o Options) CheckKeys(known map[string]string) error {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := known[k]; !ok {
			return fmt.Errorf("unknown option %q", k)
		}
	}
	return nil
}

// kindOf names the kind of a configuration value as a YAML user knows it, for error messages.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "nothing"
	case string:
		return "a string"
	case bool:
		return "true or false"
	case int, int64, uint64, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any, map[any]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}
