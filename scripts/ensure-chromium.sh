#!/bin/sh
# Install Debian's chromium for the browser tests when it is missing (needs root, as in CI).
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium with apt-get ..."
  (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }) \
    || { echo "could not install chromium" >&2; exit 1; }
else
  echo "chromium is missing and cannot be installed here (not root); browser tests will skip outside CI" >&2
fi
