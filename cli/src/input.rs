//! Reading inputs for a command: documents in batches, with errors and warnings reported on
//! standard error as they come.

use copydesk::article::Document;
use copydesk::corpus;

use crate::BoxError;
use crate::args::InputArgs;

/// Documents are handed to the library this many at a time, so work runs in parallel
/// while memory stays bounded on a large corpus.
const BATCH: usize = 512;

/// Messages on standard error, and the count of inputs that could not be read.
pub(crate) struct Report {
    quiet: bool,
    errors: usize,
}

impl Report {
    pub(crate) fn new(quiet: bool) -> Report {
        Report { quiet, errors: 0 }
    }

    pub(crate) fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("copydesk: warning: {message}");
        }
    }

    pub(crate) fn error(&mut self, err: &dyn std::fmt::Display) {
        self.errors += 1;
        eprintln!("copydesk: {err}");
    }

    pub(crate) fn errors(&self) -> usize {
        self.errors
    }
}

/// Reads every document named by `args` and calls `each` with batches of them, in input
/// order. An input that cannot be read is reported and skipped, or, with `--strict`, ends
/// the run.
pub(crate) fn for_each_batch(
    args: &InputArgs,
    report: &mut Report,
    mut each: impl FnMut(Vec<Document>) -> Result<(), BoxError>,
) -> Result<(), BoxError> {
    let opts = args.read_options();
    let mut batch = Vec::with_capacity(BATCH);
    for item in corpus::read(&args.paths, &opts) {
        match item {
            Ok(doc) => {
                for warning in &doc.warnings {
                    report.warn(warning);
                }
                batch.push(doc);
                if batch.len() == BATCH {
                    each(std::mem::take(&mut batch))?;
                }
            }
            Err(err) if args.strict => return Err(err.into()),
            Err(err) => report.error(&err),
        }
    }
    if !batch.is_empty() {
        each(batch)?;
    }
    Ok(())
}
