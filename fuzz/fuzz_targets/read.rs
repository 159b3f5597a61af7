//! Reading raw bytes in every format: never a panic, and every document's text is valid.
#![no_main]

use copydesk::corpus::{InputFormat, ReadOptions, read_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for &format in InputFormat::ALL {
        for strict in [false, true] {
            let opts = ReadOptions { strict, ..ReadOptions::default() };
            for doc in read_bytes(data.to_vec(), "fuzz", format, &opts).into_iter().flatten() {
                let _ = copydesk::article::parse_document(doc);
            }
        }
    }
});
