# Sourced by ./run and ./test: make sure uv exists and the locked environment is installed.
if ! command -v uv >/dev/null 2>&1; then
  export PATH="$HOME/.local/bin:$PATH"
  if ! command -v uv >/dev/null 2>&1; then
    echo "Installing uv (the Python package manager) from PyPI..." >&2
    python3 -m pip install --quiet --user uv || pip3 install --quiet --user uv
  fi
fi
mkdir -p var
uv sync --frozen --quiet
