#!/usr/bin/env bash
# Installs the Debian packages some tests use, when apt-get is usable (root, registry
# reachable). Never fails the build: tests that need a missing package skip and say why.
set -u
PACKAGES=(
  pocketsphinx-testdata  # speech tests: LibriVox sentences with transcripts (BSD-2)
  espeak-ng              # speech tests: synthetic speech in other languages
  apertium apertium-eng-spa  # local translation (rule-based MT, GPL-2, run as a subprocess)
  fonts-dejavu-core  # vision OCR tests render text with DejaVu fonts
  wordnet-base       # local_models/export/imagenet_hierarchy.py rebuilds the label table
  chromium chromium-driver  # serve: the demo page tested in a headless browser
)
[ ${#PACKAGES[@]} -eq 0 ] && exit 0
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-system-deps: cannot apt-get ${missing[*]}; the tests that need them skip." >&2
  exit 0
fi
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") \
  >/dev/null 2>&1 || echo "install-system-deps: apt-get failed for ${missing[*]}" >&2
exit 0
