#!/usr/bin/env bash
# Set up a local environment in .venv: powerkit with every extra.
#   --dev   also the development tools (pytest, moto, ruff, mypy, mkdocs) and the system
#           packages the test suite uses (redis-server, chromium), when they can be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null; then
  echo "setup: $python not found; install Python 3.10 or later (or set PYTHON=/path/to/python3)" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "setup: powerkit needs Python 3.10 or later; $python is $("$python" -V 2>&1) (set PYTHON=...)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv || {
    rm -rf .venv
    echo "setup: could not create a virtual environment with $python -m venv." >&2
    echo "       On Debian/Ubuntu install it first: sudo apt-get install python3-venv" >&2
    exit 1
  }
fi
# Skip the (slow) install when pyproject.toml has not changed since the last one of this kind.
mode=${1:-user}
stamp=".venv/.setup-${mode#--}-$(cksum < pyproject.toml | cut -d" " -f1)"
install() {
  if [ -f "$stamp" ]; then return 0; fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$1"
  touch "$stamp"
}

if [ "${1:-}" = "--dev" ]; then
  install ".[all,dev]"
  missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v chromium >/dev/null || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing ${missing[*]} from Debian packages"
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; } \
        || echo "setup: could not install ${missing[*]}; the tests that need them will skip"
    else
      echo "setup: ${missing[*]} not found; install them for the full test suite"
    fi
  fi
else
  install ".[all]"
fi
