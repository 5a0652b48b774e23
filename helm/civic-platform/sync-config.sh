#!/usr/bin/env bash
# Copies the repository's platform configuration into the chart, because Helm can only read files inside the chart.
#   ../../config/tenants/*.yaml  -> files/tenants/
#   ../../config/calendar/*.yaml -> files/calendar/
# Run it before every `helm lint|template|install|upgrade|package`. Stale copies are removed first, so a tenant
# deleted from config/tenants/ also disappears from the ConfigMap.
set -euo pipefail

chart_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
config_dir="$(cd "${chart_dir}/../.." && pwd)/config"

sync() {
  local kind="$1" required="$2"
  local src="${config_dir}/${kind}"
  local dst="${chart_dir}/files/${kind}"

  mkdir -p "${dst}"
  find "${dst}" -maxdepth 1 -type f -name '*.yaml' -delete

  if [[ ! -d "${src}" ]]; then
    if [[ "${required}" == "required" ]]; then
      echo "error: ${src} does not exist" >&2
      exit 1
    fi
    echo "warning: ${src} does not exist; files/${kind}/ left empty" >&2
    return 0
  fi

  shopt -s nullglob
  local files=("${src}"/*.yaml)
  shopt -u nullglob

  if (( ${#files[@]} == 0 )); then
    echo "warning: no *.yaml in ${src}; files/${kind}/ left empty" >&2
    return 0
  fi

  cp -- "${files[@]}" "${dst}/"
  echo "copied ${#files[@]} file(s) from config/${kind}/ to files/${kind}/"
}

sync tenants required
sync calendar optional
