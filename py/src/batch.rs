//! Batch work over Python iterables: items are taken from the iterable a batch at a time
//! (with the interpreter held), the batch is worked on in Rust without it (in parallel, on
//! rayon's pool, by the library), and the progress callback is called between batches.

use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};

use crate::convert::published_arg;
use crate::errors::invalid;
use copydesk::article::Published;

/// Items taken from the iterable per batch, and so the most a progress callback is told at
/// once. Large enough that a batch keeps every core busy, small enough that a progress bar
/// moves on a corpus of a few thousand articles.
pub(crate) const BATCH: usize = 1000;

/// A progress callback: called with the number of items done since the last call
/// (`tqdm(total=n).update` fits), with the interpreter held, between batches.
pub(crate) struct Progress<'py> {
    callback: Option<Bound<'py, PyAny>>,
}

impl<'py> Progress<'py> {
    /// Checks that `callback` is None or callable.
    pub(crate) fn new(py: Python<'py>, callback: Option<&Bound<'py, PyAny>>) -> PyResult<Self> {
        let callback = callback.filter(|c| !c.is_none()).cloned();
        if let Some(c) = &callback
            && !c.is_callable()
        {
            let type_name = c.get_type().name()?;
            return Err(invalid(
                py,
                format!(
                    "progress must be a callable taking the number of items done (e.g. tqdm(total=n).update), not {type_name}"
                ),
            ));
        }
        Ok(Progress { callback })
    }

    /// Tells the callback that `done` more items are done. An exception it raises is
    /// returned, and the caller stops there.
    pub(crate) fn advance(&self, done: usize) -> PyResult<()> {
        match &self.callback {
            Some(c) if done > 0 => c.call1((done,)).map(drop),
            _ => Ok(()),
        }
    }
}

/// Takes the items of `iterable` a batch at a time: `convert` reads each item (with its
/// position), `work` does the batch (releasing the interpreter itself), and `progress` is
/// told after each batch how many items it held. Returns the number of items.
pub(crate) fn for_each_batch<'py, T>(
    iterable: &Bound<'py, PyAny>,
    progress: &Progress<'py>,
    mut convert: impl FnMut(usize, Bound<'py, PyAny>) -> PyResult<T>,
    mut work: impl FnMut(Vec<T>) -> PyResult<()>,
) -> PyResult<usize> {
    let mut items = iterable.try_iter()?;
    let mut position = 0;
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        for item in items.by_ref().take(BATCH) {
            batch.push(convert(position, item?)?);
            position += 1;
        }
        if batch.is_empty() {
            return Ok(position);
        }
        let done = batch.len();
        work(batch)?;
        progress.advance(done)?;
        if done < BATCH {
            return Ok(position);
        }
    }
}

/// A per-item argument given once for all items or as an iterable with one value per item
/// (`published=`, `references=`, `ids=`).
pub(crate) enum PerItem<'py> {
    /// No value.
    None,
    /// The same value for every item.
    Same(Bound<'py, PyAny>),
    /// One value per item, in order.
    Each(Bound<'py, PyIterator>),
}

impl<'py> PerItem<'py> {
    /// Reads `value`: None, a single value (`is_single` says which values are), or an
    /// iterable of values.
    pub(crate) fn new(
        value: Option<&Bound<'py, PyAny>>,
        is_single: impl Fn(&Bound<'py, PyAny>) -> PyResult<bool>,
    ) -> PyResult<PerItem<'py>> {
        match value {
            None => Ok(PerItem::None),
            Some(v) if v.is_none() => Ok(PerItem::None),
            Some(v) if is_single(v)? => Ok(PerItem::Same(v.clone())),
            Some(v) => Ok(PerItem::Each(v.try_iter()?)),
        }
    }

    /// The value for item `position`; `name` is the argument's name for the message when an
    /// iterable runs out before the items do.
    pub(crate) fn next(
        &mut self,
        py: Python<'py>,
        position: usize,
        name: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self {
            PerItem::None => Ok(None),
            PerItem::Same(v) => Ok(Some(v.clone())),
            PerItem::Each(values) => match values.next() {
                Some(v) => Ok(Some(v?).filter(|v| !v.is_none())),
                None => Err(invalid(
                    py,
                    format!(
                        "{name} has {position} values but there are more items: give one value per item"
                    ),
                )),
            },
        }
    }

    /// Checks that an iterable of values has no more values than there were items.
    pub(crate) fn finish(&mut self, py: Python<'py>, items: usize, name: &str) -> PyResult<()> {
        if let PerItem::Each(values) = self
            && values.next().transpose()?.is_some()
        {
            return Err(invalid(
                py,
                format!("{name} has more values than the {items} items: give one value per item"),
            ));
        }
        Ok(())
    }
}

/// True for a value that is one date (a string or anything with `isoformat()`), not a list
/// of dates.
pub(crate) fn is_one_date(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(value.is_instance_of::<PyString>() || value.hasattr("isoformat")?)
}

/// A date argument for one item (see [`published_arg`]).
pub(crate) fn date_of(
    py: Python<'_>,
    value: Option<Bound<'_, PyAny>>,
) -> PyResult<Option<Published>> {
    published_arg(py, value.as_ref())
}
