//! Reading inputs for a command: documents in batches, with errors and warnings reported on
//! standard error as they come, a progress bar for long runs on a terminal, and a summary.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use copydesk::article::Document;
use copydesk::corpus::{self, FileFilter};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::BoxError;
use crate::args::InputArgs;

/// Documents are handed to the library this many at a time, so work runs in parallel
/// while memory stays bounded on a large corpus.
const BATCH: usize = 512;

/// A run shows a progress bar once it has taken this long.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// Messages on standard error, the count of inputs that could not be read, and the
/// closing summary.
pub(crate) struct Report {
    quiet: bool,
    errors: usize,
    documents: usize,
    started: Instant,
    /// What the command adds to the summary line (e.g. clusters found).
    pub(crate) detail: Option<String>,
    progress: ProgressBar,
    progress_shown: bool,
}

impl Report {
    pub(crate) fn new(quiet: bool) -> Report {
        Report {
            quiet,
            errors: 0,
            documents: 0,
            started: Instant::now(),
            detail: None,
            progress: ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            progress_shown: false,
        }
    }

    pub(crate) fn warn(&self, message: &str) {
        if !self.quiet {
            self.progress
                .suspend(|| eprintln!("copydesk: warning: {message}"));
        }
    }

    pub(crate) fn error(&mut self, err: &dyn std::fmt::Display) {
        self.errors += 1;
        self.progress.suspend(|| eprintln!("copydesk: {err}"));
    }

    pub(crate) fn errors(&self) -> usize {
        self.errors
    }

    /// Counts one more document read, showing the progress bar once the run is long.
    pub(crate) fn tick(&mut self) {
        self.documents += 1;
        if !self.progress_shown
            && !self.quiet
            && self.started.elapsed() >= PROGRESS_AFTER
            && std::io::stderr().is_terminal()
        {
            self.progress_shown = true;
            self.progress.set_draw_target(ProgressDrawTarget::stderr());
            self.progress.set_style(
                ProgressStyle::with_template("{spinner} {pos} articles read  {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.progress.enable_steady_tick(Duration::from_millis(200));
        }
        self.progress.set_position(self.documents as u64);
    }

    /// Clears the progress bar and, after a successful run, prints the one-line summary
    /// (unless quiet).
    pub(crate) fn finish(&self, success: bool) {
        self.progress.finish_and_clear();
        if self.quiet || !success {
            return;
        }
        let mut line = format!(
            "copydesk: {} article{} in {:.2} s",
            self.documents,
            if self.documents == 1 { "" } else { "s" },
            self.started.elapsed().as_secs_f64()
        );
        if let Some(detail) = &self.detail {
            line.push_str(", ");
            line.push_str(detail);
        }
        if self.errors > 0 {
            line.push_str(&format!(
                "; {} input{} could not be read",
                self.errors,
                if self.errors == 1 { "" } else { "s" }
            ));
        }
        eprintln!("{line}");
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
    let mut opts = args.read_options();
    opts.files = FileFilter::from_globs(&args.glob)?;
    let mut batch = Vec::with_capacity(BATCH);
    let mut documents = corpus::read(&args.paths, &opts);
    for item in documents.by_ref() {
        match item {
            Ok(doc) => {
                for warning in &doc.warnings {
                    report.warn(warning);
                }
                report.tick();
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
    for note in documents.notes() {
        report.warn(&note);
    }
    Ok(())
}
