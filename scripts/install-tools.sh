#!/usr/bin/env bash
# Installs the real clients the tests drive, idempotently: Debian's pre-commit, Neovim (a third-party LSP client),
# Chromium (headless browser for the VS Code test), Graphviz (reads the DOT that `valohai-lint graph` writes) and what
# code-server needs to build. Skips what is already there.
set -euo pipefail
need=()
pre-commit --version >/dev/null 2>&1 || need+=(pre-commit)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v git >/dev/null 2>&1 || need+=(git)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
if [ "${#need[@]}" -gt 0 ]; then
  echo "install-tools: apt-get install ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log="$(mktemp)"
  apt_install() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"; }
  # apt-get update only when the install fails without it (no package lists yet, or stale ones).
  if ! { apt_install || { $SUDO apt-get update -qq && apt_install; }; } >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  rm -f "$log"
fi
