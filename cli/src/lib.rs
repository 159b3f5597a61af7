//! The `copydesk` command line: argument parsing, reading inputs, writing outputs and exit
//! codes. Every piece of real work is done by the `copydesk` library; this crate converts
//! arguments into calls and results into text.
//!
//! Exit codes: 0 success, 1 an error (including any input that could not be read), 2 a usage
//! error. A closed pipe (`copydesk parse seeds/ | head`) ends the run quietly with 0.

mod args;
mod cmd;
mod format;
mod input;
mod output;

use std::ffi::OsString;
use std::io;

use clap::Parser;

pub use args::Cli;

/// The error type of a command: anything that stops the run.
pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A command line that cannot run as given (a combination of options clap cannot check):
/// reported like clap's own usage errors, with exit code 2.
#[derive(Debug)]
pub(crate) struct UsageError(pub(crate) String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Runs the command line given by `args` (the first being the program name) and returns the
/// process exit code.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version are not errors: clap prints them to stdout.
            let _ = err.print();
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(cli.jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("copydesk: cannot start worker threads: {err}");
            return 1;
        }
    };
    let mut report = input::Report::new(cli.quiet);
    let result = pool.install(|| cmd::run(&cli, &mut report));
    report.finish(result.is_ok());
    match result {
        Ok(()) if report.errors() > 0 => 1,
        Ok(()) => 0,
        Err(err) if is_broken_pipe(err.as_ref()) => 0,
        Err(err) if err.is::<UsageError>() => {
            eprintln!("copydesk: {err}");
            2
        }
        Err(err) => {
            eprintln!("copydesk: {err}");
            1
        }
    }
}

/// True when the error is a write to a closed pipe, which ends a run quietly.
fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(e) = current {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            return io.kind() == io::ErrorKind::BrokenPipe;
        }
        // serde_json keeps the io::Error it met to itself, but tells its kind.
        if let Some(json) = e.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
        }
        current = e.source();
    }
    false
}
