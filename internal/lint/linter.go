package lint

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

// Linter lints inputs with the configuration that governs each. It is safe for concurrent use.
type Linter struct {
	// ConfigPath is an explicit configuration file; when empty, each file's is found by walking up from it.
	ConfigPath string
	// Only, when not empty, restricts the run to these rules; Disable turns rules off.
	Only, Disable []string
	// Sources are the documents drafts were written from (`--against`).
	Sources []*document.Document

	mu      sync.Mutex
	engines map[string]*setup // by configuration path ("" for built-in defaults)
	// found is the configuration path config.Find gave for each folder, so that a run over many files of
	// one folder walks up from it once, not once a file.
	found map[string]string

	// extra are rules run after the built-in ones: set by tests, to check that a broken rule is contained.
	extra []rules.Rule
}

// setup is an engine built for one configuration.
type setup struct {
	engine *rules.Engine
	config *config.Config
	err    error
}

// Setup returns the engine and configuration for a file at path (or, for path "", the working folder).
func (l *Linter) Setup(path string) (*rules.Engine, *config.Config, error) {
	cfgPath := l.ConfigPath
	if cfgPath == "" {
		dir := "."
		if path != "" {
			dir = filepath.Dir(path)
		}
		l.mu.Lock()
		p, ok := l.found[dir]
		l.mu.Unlock()
		if !ok {
			p = config.Find(dir)
			l.mu.Lock()
			if l.found == nil {
				l.found = map[string]string{}
			}
			l.found[dir] = p
			l.mu.Unlock()
		}
		cfgPath = p
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.engines == nil {
		l.engines = map[string]*setup{}
	}
	s, ok := l.engines[cfgPath]
	if !ok {
		s = l.build(cfgPath)
		l.engines[cfgPath] = s
	}
	return s.engine, s.config, s.err
}

func (l *Linter) build(cfgPath string) *setup {
	cfg := &config.Config{Rules: map[string]rules.Setting{}}
	if cfgPath != "" {
		var err error
		if cfg, err = config.Load(cfgPath); err != nil {
			return &setup{err: err}
		}
	}
	settings := make(map[string]rules.Setting, len(cfg.Rules)+len(l.Disable))
	for id, s := range cfg.Rules {
		settings[id] = s
	}
	for _, id := range l.Disable {
		s := settings[id]
		s.Disabled = true
		settings[id] = s
	}
	e, err := rules.NewEngine(settings, l.Only)
	if err == nil && len(l.extra) > 0 {
		e = e.With(l.extra...)
	}
	return &setup{engine: e, config: cfg, err: err}
}

// Lint validates, parses and checks one input. path locates its configuration; name is what reports show.
// failOn is the failing level the configuration sets, or zero. A crash in the parser or in a rule is
// contained: it is an *InputError naming what crashed, and other inputs are linted as usual.
func (l *Linter) Lint(path, name string, f document.Format, data []byte) (res report.Result, failOn rules.Severity, err error) {
	if err := Validate(name, data); err != nil {
		return res, 0, err
	}
	e, cfg, err := l.Setup(path)
	if err != nil {
		return res, 0, err
	}
	doc, err := parse(name, f, data)
	if err != nil {
		return res, 0, err
	}
	diags, err := e.Check(doc, l.Sources...)
	if err != nil {
		return res, 0, &InputError{name, err.Error() + "; not linted"}
	}
	return report.Result{Doc: doc, Diagnostics: diags}, cfg.FailOn, nil
}

// parse is document.Parse with a panic turned into an *InputError.
func parse(name string, f document.Format, data []byte) (doc *document.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &InputError{name, fmt.Sprintf("the %s parser crashed (%v); this is a bug in copydesk, please report it with this input; not linted", f, v)}
		}
	}()
	return document.Parse(name, f, data), nil
}
