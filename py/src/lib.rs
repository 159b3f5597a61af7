//! The `copydesk._copydesk` extension module: thin conversions between Python and the
//! `copydesk` library. Python-facing names and docs live in `python/copydesk/`.

mod article;
mod batch;
mod convert;
mod dates;
mod dedup;
mod errors;
mod html;
mod remarks;
mod text;

use pyo3::prelude::*;

/// Runs the `copydesk` command line with `argv` (program name first) and returns its exit
/// code. This is the console entry point installed with the wheel: the very same command as
/// the Rust binary.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<String>) -> u8 {
    py.detach(|| copydesk_cli::run(argv))
}

/// Rust core of copydesk.
#[pymodule(gil_used = false)]
mod _copydesk {
    #[pymodule_export]
    use super::article::{Article, Block, Quote, Sentence, parse, parse_html, parse_many, read};
    #[pymodule_export]
    use super::dates::{DateRange, TemporalExpression, find_dates, find_dates_many};
    #[pymodule_export]
    use super::dedup::{
        Cluster, DedupResult, Deduper, Match, Member, Pair, Passage, dedupe, exact_pairs, shingles,
    };
    #[pymodule_export]
    use super::main;
    #[pymodule_export]
    use super::remarks::{Remark, RemarkMember, RemarkResult, quotes};
    #[pymodule_export]
    use super::text::{normalize, paragraphs, sentences};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
