//! copydesk errors as Python exceptions: the classes are defined in `copydesk/_errors.py`,
//! so that they can derive from both `CopydeskError` and `ValueError` or `OSError`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static VALUE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static OS_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Converts a library error into the matching Python exception: `InputFileError` (an
/// `OSError`) for file-system errors, `InvalidInputError` (a `ValueError`) for the rest.
pub(crate) fn to_pyerr(py: Python<'_>, err: copydesk::Error) -> PyErr {
    let (cell, name) = if err.is_io() {
        (&OS_ERROR, "InputFileError")
    } else {
        (&VALUE_ERROR, "InvalidInputError")
    };
    match cell.import(py, "copydesk._errors", name) {
        Ok(class) => PyErr::from_type(class.clone(), err.to_string()),
        Err(import_failed) => import_failed,
    }
}

/// An `InvalidInputError` with `message`, for arguments the library never sees.
pub(crate) fn invalid(py: Python<'_>, message: impl Into<String>) -> PyErr {
    to_pyerr(
        py,
        copydesk::Error::new(copydesk::ErrorKind::InvalidArgument(message.into())),
    )
}
