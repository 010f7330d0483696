//! `_kiln_hash`: SHA-2 digests (the crate `sha2`) for kiln's own `_sha256`, `_sha512` and
//! `_sha2` (`compiler/pylib/`), which keep the hash objects in Python and their data in a
//! bytearray. `digest(name, data)` is the digest of `data` for `name` in sha224, sha256,
//! sha384 and sha512.

use crate::errors;
use crate::objects::{bytes, str as pystr};
use crate::value::Value;
use sha2::Digest;

fn h_digest(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("digest", args, kw, 2, 2) {
        return Value::NULL;
    }
    if !pystr::is_str(args[0]) || !bytes::is_bytes_like(args[1]) {
        return errors::type_error("digest(name, data) takes a str and a bytes-like object");
    }
    let data = bytes::data(args[1]);
    let out: Vec<u8> = match pystr::as_str(args[0]) {
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        other => return errors::value_error(&format!("unsupported hash type {other}")),
    };
    bytes::new(&out)
}

pub fn create() -> Value {
    super::with_functions("_kiln_hash", &[("digest", h_digest)])
}
