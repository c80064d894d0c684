#!/usr/bin/env bash
# Set up kyodo-network in ./.venv on a fresh Debian/Ubuntu machine, and put `kyodo` on the PATH.
#   bash scripts/install.sh          the tool only (pip packages)
#   bash scripts/install.sh test     also what the tests need: Debian's chromium, CJK fonts and poppler, pytest, playwright
#   bash scripts/install.sh link     only put the existing .venv's kyodo on the PATH again (below)
# Safe to run again. Never downloads a browser of its own: the browser tests drive /usr/bin/chromium.
#
# `kyodo` on the PATH, the way pipx does it: a symlink ~/.local/bin/kyodo → this folder's .venv/bin/kyodo
# (absolute), and, when ~/.bashrc or the login file (~/.bash_profile, else ~/.profile) does not mention
# ~/.local/bin yet, one line appended to it that adds ~/.local/bin to PATH unless it is there already. New
# terminals then find `kyodo`; the terminal you ran this in needs `export PATH="$HOME/.local/bin:$PATH"` once
# (the README's first command does it).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$@" >&2; }  # each message in Japanese, then in English

PATH_LINE='case ":$PATH:" in *":$HOME/.local/bin:"*) ;; *) export PATH="$HOME/.local/bin:$PATH" ;; esac  # kyodo-network (scripts/install.sh)'

link_kyodo() {
  local target bin link old rc
  target="$(pwd -P)/.venv/bin/kyodo"
  if [ -z "${HOME:-}" ]; then
    say "注意: HOME が設定されていないので、kyodo を PATH に置きませんでした。$target で実行してください。" \
        "Note: HOME is not set, so kyodo was not put on the PATH; run it as $target."
    return 0
  fi
  bin="$HOME/.local/bin"
  link="$bin/kyodo"
  if [ ! -x "$target" ]; then
    say "エラー: $target がありません。先に bash scripts/install.sh を実行してください。" \
        "Error: $target is missing; run bash scripts/install.sh first."
    return 1
  fi
  if ! mkdir -p "$bin" 2>/dev/null; then
    say "注意: $bin を作れませんでした。kyodo は $target で実行してください。" \
        "Note: could not create $bin; run kyodo as $target."
    return 0
  fi
  if [ -L "$link" ]; then
    old="$(readlink "$link")"
    if [ "$old" != "$target" ]; then
      ln -sfn "$target" "$link"
      say "$link は $old を指していました。$target に付け替えました。" \
          "$link pointed to $old; it now points to $target."
    fi
  elif [ -e "$link" ]; then
    say "注意: $link は別のプログラムです。そのままにしました。このフォルダの kyodo は $target で実行してください。" \
        "Note: $link is another program; left as it is. Run this folder's kyodo as $target."
    return 0
  else
    ln -s "$target" "$link"
    say "kyodo を $link に置きました（→ $target）。" "Put kyodo in $link (→ $target)."
  fi
  for rc in "$HOME/.bashrc" "$( [ -e "$HOME/.bash_profile" ] && echo "$HOME/.bash_profile" || echo "$HOME/.profile")"; do
    if [ -e "$rc" ] && grep -q '\.local/bin' "$rc"; then
      continue  # already says something about ~/.local/bin (Debian's ~/.profile does): leave it to the user
    fi
    if printf '\n%s\n' "$PATH_LINE" >>"$rc" 2>/dev/null; then
      say "$rc に ~/.local/bin を PATH に加える1行を足しました。新しい端末で kyodo が使えます。" \
          "Added one line to $rc that puts ~/.local/bin on PATH; new terminals will find kyodo."
    else
      say "注意: $rc に書き込めませんでした。PATH に ~/.local/bin を加えてください。" \
          "Note: could not write to $rc; add ~/.local/bin to PATH yourself."
    fi
  done
}

if [ "${1:-}" = "link" ]; then
  link_kyodo
  exit
fi

if [ "${1:-}" = "test" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
      || ! fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    echo "Installing Debian packages: chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 >/dev/null
  fi
fi

python3 -m venv .venv
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  # graphology's GEXF parser, an independent reader of our GEXF export (versions pinned in tests/js/package-lock.json)
  if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/js --silent --no-audit --no-fund >/dev/null; fi
else
  .venv/bin/python -m pip install -q .
fi
link_kyodo
say "kyodo-network を .venv に入れました（kyodo --help で使い方）。" \
    "kyodo-network is installed in .venv (run kyodo --help)."
case ":$PATH:" in
  *":${HOME:-/nonexistent}/.local/bin:"*) ;;
  *) say "この端末では先に export PATH=\"\$HOME/.local/bin:\$PATH\" を実行してください（新しい端末では要りません）。" \
         "In this terminal, first run export PATH=\"\$HOME/.local/bin:\$PATH\" (new terminals need not)." ;;
esac
