#!/usr/bin/env bash
# Install what the HTML report tests open their pages in: headless Chromium from Debian's packages (and a
# font, which Chromium only recommends; the recommended desktop extras are left out).
# Idempotent: does nothing when `chromium` is already on PATH. tests/test_html_report.py fails (rather than
# skips) its browser checks when CI is set and Chromium is missing.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
