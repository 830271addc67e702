#!/usr/bin/env bash
# Installs what `make e2e` needs beyond Go, and says what it does:
#   - from Debian: chromium (the browser the tests drive), fonts-liberation
#     (the fonts the pages' CSS names first: layout tests measure with them),
#     fonts-dejavu-core (the wide fallback font the narrow-viewport test uses),
#     default-jre-headless (runs the Nu Html Checker), poppler-utils and qpdf
#     (the PDF brief tests);
#   - from npm, pinned in package-lock.json: axe-core and vnu-jar, into
#     node_modules/ (git-ignored).
# Idempotent: apt runs only for missing packages, npm only when node_modules
# does not match the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# installed reports whether a Debian package is installed.
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
installed fonts-liberation || missing+=(fonts-liberation)
# The narrow-viewport test also measures pages with a wide fallback font.
installed fonts-dejavu-core || missing+=(fonts-dejavu-core)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e-setup: chromium, fonts-liberation, fonts-dejavu-core, java, pdftotext, qpdf and npm are installed"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "e2e-setup: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Chromium finds new fonts through fontconfig's cache.
if ! fc-list 2>/dev/null | grep -qi 'Liberation Sans'; then
  fc-cache -f >/dev/null 2>&1 || true
fi

# npm writes node_modules/.package-lock.json after an install; when it equals
# the lock file's packages the install is current.
want_axe=$(node -p 'require("./package-lock.json").packages["node_modules/axe-core"].version')
want_vnu=$(node -p 'require("./package-lock.json").packages["node_modules/vnu-jar"].version')
have_axe=$(node -p 'try { require("./node_modules/axe-core/package.json").version } catch (e) { "" }')
have_vnu=$(node -p 'try { require("./node_modules/vnu-jar/package.json").version } catch (e) { "" }')
if [ "$want_axe" = "$have_axe" ] && [ "$want_vnu" = "$have_vnu" ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "e2e-setup: node_modules has axe-core $have_axe and vnu-jar $have_vnu"
else
  echo "e2e-setup: npm ci --ignore-scripts (axe-core $want_axe, vnu-jar $want_vnu into node_modules/)"
  npm ci --ignore-scripts --no-audit --no-fund
fi
