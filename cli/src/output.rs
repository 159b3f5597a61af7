//! Where results are written: standard output, or a file written whole or not at all.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// A buffered destination for a command's results.
///
/// A file is written to a temporary file beside it and renamed over the target only by
/// [`Output::finish`]; if the run fails first, the target is left as it was.
pub(crate) enum Output {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File {
        temp: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
}

impl Output {
    pub(crate) fn open(path: Option<&Path>) -> io::Result<Output> {
        let Some(target) = path else {
            return Ok(Output::Stdout(BufWriter::new(io::stdout().lock())));
        };
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let temp = NamedTempFile::new_in(dir).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("{}: cannot write there: {e}", target.display()),
            )
        })?;
        Ok(Output::File {
            temp: BufWriter::new(temp),
            target: target.to_path_buf(),
        })
    }

    /// True when results go to a terminal, where people read them (tables by default).
    pub(crate) fn is_terminal(&self) -> bool {
        matches!(self, Output::Stdout(_)) && io::stdout().is_terminal()
    }

    /// Flushes everything and, for a file, moves it into place.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::File { temp, target } => {
                let temp = temp.into_inner().map_err(|e| e.into_error())?;
                temp.as_file().sync_all()?;
                // The temporary file is private (0600): give it the permissions of the file it
                // replaces, or those of an ordinary new file.
                let perms = match fs::metadata(&target) {
                    Ok(meta) => meta.permissions(),
                    Err(_) => default_permissions(temp.as_file())?,
                };
                fs::set_permissions(temp.path(), perms)?;
                temp.persist(&target).map_err(|e| {
                    io::Error::new(
                        e.error.kind(),
                        format!("{}: cannot write: {}", target.display(), e.error),
                    )
                })?;
                Ok(())
            }
        }
    }
}

#[cfg(unix)]
fn default_permissions(file: &fs::File) -> io::Result<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut perms = file.metadata()?.permissions();
    perms.set_mode(0o644);
    Ok(perms)
}

#[cfg(not(unix))]
fn default_permissions(file: &fs::File) -> io::Result<fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File { temp, .. } => temp.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}
