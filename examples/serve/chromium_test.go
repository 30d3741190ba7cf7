package main

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

const chromiumPath = "/usr/bin/chromium"

// chromiumArgs are the flags for a headless run that touches nothing but
// the given loopback URL.
func chromiumArgs(userDataDir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + userDataDir, "--virtual-time-budget=5000",
	}
}

// TestPageInChromium loads /?demo=1 in headless Chromium, which analyses the
// sample article on load, and checks the highlighted entities in the DOM.
// It is skipped when Chromium is not installed (apt-get install chromium)
// and with -short.
func TestPageInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("%s not installed", chromiumPath)
	}
	base := startServer(t, testConfig())
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append(chromiumArgs(t.TempDir()), "--dump-dom", base+"/?demo=1")
	cmd := exec.CommandContext(ctx, chromiumPath, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	dom := string(out)
	checks := []struct {
		what string
		re   string
	}{
		{"Macron marked PER", `<mark class="ent PER"[^>]*title="Emmanuel Macron · kn:per/[a-z-]+[^"]*">(Emmanuel )?Macron<span class="lbl">PER</span></mark>`},
		{"a LOC mark", `<mark class="ent LOC"[^>]*>[^<]+<span class="lbl">LOC</span></mark>`},
		{"Putins with its canonical name", `title="Wladimir Putin[^"]*">Putins<span`},
		{"entity list", `<span class="ent-name">Emmanuel Macron<span class="ent-id">kn:per/`},
		{"status", `fertig in \d+ ms`},
	}
	for _, c := range checks {
		if !regexp.MustCompile(c.re).MatchString(dom) {
			t.Errorf("DOM lacks %s (%s)", c.what, c.re)
		}
	}
	if t.Failed() {
		i := strings.Index(dom, `<div id="doc">`)
		if i < 0 {
			i = 0
		}
		t.Logf("DOM from the text on:\n%.3000s", dom[i:])
	}
	// The text in the DOM, marks removed, is the article: byte offsets were
	// converted to JavaScript indices correctly.
	m := regexp.MustCompile(`(?s)<div id="doc">(.*?)</div>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatal("no #doc in the DOM")
	}
	plain := regexp.MustCompile(`<span class="lbl">[A-Z]+</span>|<[^>]+>`).ReplaceAllString(m[1], "")
	plain = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(plain)
	if want := strings.TrimRight(sampleText(t, base), "\n"); strings.TrimRight(plain, "\n") != want {
		t.Errorf("text in the page differs from the article:\n%s", plain)
	}
}

func sampleText(t *testing.T, base string) string {
	return do(t, "GET", base+"/v1/sample", "", nil).body
}
