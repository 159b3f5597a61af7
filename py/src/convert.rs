//! Conversions of arguments and values between Python and the library.

use copydesk::article::Published;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{invalid, to_pyerr};

/// Reads a date argument: `None`, an ISO 8601 string, or a `datetime.date` /
/// `datetime.datetime` (anything with `isoformat()`).
pub(crate) fn published_arg(
    py: Python<'_>,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<Published>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if value.is_instance_of::<PyString>() {
        value.extract()?
    } else if value.hasattr("isoformat")? {
        value.call_method0("isoformat")?.extract()?
    } else {
        let type_name = value.get_type().name()?;
        return Err(invalid(
            py,
            format!("expected a date, a datetime or an ISO 8601 string, not {type_name}"),
        ));
    };
    Published::parse(&text)
        .map(Some)
        .map_err(|e| to_pyerr(py, e))
}

/// A publication date as `datetime.date`, or `datetime.datetime` when the time is known
/// (timezone-aware when the offset is known).
pub(crate) fn published_to_py<'py>(
    py: Python<'py>,
    published: &Published,
) -> PyResult<Bound<'py, PyAny>> {
    let datetime = py.import("datetime")?;
    let d = published.date();
    let Some(t) = published.time() else {
        return datetime
            .getattr("date")?
            .call1((d.year(), d.month(), d.day()));
    };
    let tz = match published.offset() {
        Some(offset) => {
            let delta = datetime
                .getattr("timedelta")?
                .call1((0, offset.seconds()))?;
            datetime.getattr("timezone")?.call1((delta,))?
        }
        None => py.None().into_bound(py),
    };
    datetime.getattr("datetime")?.call1((
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.subsec_nanosecond() / 1000,
        tz,
    ))
}
