#!/usr/bin/env bash
# Runs once when the dev container is created (devcontainer.json): the .NET kernel for Jupyter, the build the
# notebooks' first cell loads, and names.txt, downloaded and checked against its SHA-256 by the helper library.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool install --global Microsoft.dotnet-interactive --version 1.0.712001
export PATH="$PATH:$HOME/.dotnet/tools"
dotnet interactive jupyter install

dotnet build
# The makemore command finds data/names.txt or downloads it; a model with no samples is the quickest way to ask.
dotnet run --project lib/Makemore.Cli --no-build -- train --samples 0
