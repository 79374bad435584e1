//! The `rekey` binary: parses the command line and hands over to [`rekey::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rekey::cli::run(rekey::cli::Cli::parse())
}
