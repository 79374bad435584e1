use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rekey::cli::run(rekey::cli::Cli::parse())
}
