//! One module per subcommand.

pub(crate) mod dates;
pub(crate) mod dedupe;
pub(crate) mod index;
pub(crate) mod parse;
pub(crate) mod quotes;

use crate::BoxError;
use crate::args::{Cli, Command};
use crate::input::Report;

pub(crate) fn run(cli: &Cli, report: &mut Report) -> Result<(), BoxError> {
    match &cli.command {
        Command::Parse(args) => parse::run(args, report),
        Command::Dedupe(args) => dedupe::run(args, report),
        Command::Dates(args) => dates::run(args, report),
        Command::Index(args) => index::run(args, report),
        Command::Quotes(args) => quotes::run(args, report),
    }
}
