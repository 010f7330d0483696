//! `_kiln_random`: the Mersenne Twister (MT19937) under kiln's `_random`
//! (`compiler/pylib/_random.py`), giving exactly CPython's sequences: the same seeding of a
//! key (`init_by_array` over the 32-bit words of |n|, least significant first), the same
//! 53-bit `random()`, `getrandbits` words and state tuples.
//!
//! A generator's state lives in a bytearray made by `new()` (624 words and the index, native
//! order), so that the Python class holding it stays an ordinary, subclassable class.
//! `seed(state, n)` seeds from an int (None: from the system's entropy, else the clock),
//! `random(state)`, `getrandbits(state, k)`, `getstate(state)` and `setstate(state, tuple)`.

use crate::errors;
use crate::object::{kind_of, none, Kind};
use crate::objects::bytes::ByteArrayObject;
use crate::objects::{bytes, float, int, tuple};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::Signed;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;
const STATE_BYTES: usize = (N + 1) * 4;

/// The words of a state bytearray: `mt[0..N]`, then the index.
fn words(v: Value) -> Option<&'static mut [u32]> {
    if v.is_small() || kind_of(v) != Kind::ByteArray || bytes::data(v).len() != STATE_BYTES {
        errors::type_error("invalid generator state");
        return None;
    }
    // The bytearray's buffer comes from the collector's allocator, word aligned.
    unsafe {
        let o = v.ptr::<ByteArrayObject>();
        Some(std::slice::from_raw_parts_mut((*o).data as *mut u32, N + 1))
    }
}

fn init_genrand(mt: &mut [u32], s: u32) {
    mt[0] = s;
    for i in 1..N {
        mt[i] = 1812433253u32
            .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
            .wrapping_add(i as u32);
    }
    mt[N] = N as u32;
}

fn init_by_array(mt: &mut [u32], key: &[u32]) {
    init_genrand(mt, 19650218);
    let (mut i, mut j) = (1usize, 0usize);
    for _ in 0..N.max(key.len()) {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
    }
    for _ in 0..N - 1 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941))
            .wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000;
    mt[N] = N as u32;
}

fn genrand(mt: &mut [u32]) -> u32 {
    if mt[N] as usize >= N {
        let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        for k in 0..N - M {
            let y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >> 1) ^ mag(y);
        }
        for k in N - M..N - 1 {
            let y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        mt[N] = 0;
    }
    let mut y = mt[mt[N] as usize];
    mt[N] += 1;
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^ (y >> 18)
}

fn r_new(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("new", args, kw, 0, 0) {
        return Value::NULL;
    }
    let v = bytes::new_bytearray(&[0u8; STATE_BYTES]);
    if let Some(mt) = (!v.is_null()).then(|| words(v)).flatten() {
        init_genrand(mt, 5489);
    }
    v
}

/// A key from the system's entropy, or from the clock and the process id when there is none.
fn entropy_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut buf).is_ok() {
            return buf
                .chunks_exact(4)
                .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
        }
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    vec![t as u32, (t >> 32) as u32, std::process::id()]
}

fn r_seed(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("seed", args, kw, 2, 2) {
        return Value::NULL;
    }
    let Some(mt) = words(args[0]) else {
        return Value::NULL;
    };
    let key: Vec<u32> = if args[1] == none() {
        entropy_key()
    } else if int::is_int(args[1]) {
        let (_, digits) = int::to_big(args[1]).abs().to_u32_digits();
        if digits.is_empty() {
            vec![0]
        } else {
            digits
        }
    } else {
        return errors::type_error("seed must be an int or None");
    };
    init_by_array(mt, &key);
    none()
}

fn r_random(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("random", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(mt) = words(args[0]) else {
        return Value::NULL;
    };
    let a = (genrand(mt) >> 5) as f64;
    let b = (genrand(mt) >> 6) as f64;
    float::new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0))
}

fn r_getrandbits(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("getrandbits", args, kw, 2, 2) {
        return Value::NULL;
    }
    let Some(mt) = words(args[0]) else {
        return Value::NULL;
    };
    let Some(k) = int::index_value(args[1], "") else {
        return Value::NULL;
    };
    if k <= 0 && crate::sys::bytecode_version() < (3, 9) {
        return errors::value_error("number of bits must be greater than zero");
    }
    if k < 0 {
        return errors::value_error("number of bits must be non-negative");
    }
    if k <= 32 {
        if k == 0 {
            return int::from_i64(0);
        }
        return int::from_i64((genrand(mt) >> (32 - k)) as i64);
    }
    let nwords = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::new();
    if digits.try_reserve_exact(nwords).is_err() {
        return errors::no_memory();
    }
    let mut left = k;
    for _ in 0..nwords {
        let mut r = genrand(mt);
        if left < 32 {
            r >>= 32 - left;
        }
        digits.push(r);
        left -= 32;
    }
    int::from_big(BigInt::from_slice(num_bigint::Sign::Plus, &digits))
}

fn r_getstate(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("getstate", args, kw, 1, 1) {
        return Value::NULL;
    }
    let Some(mt) = words(args[0]) else {
        return Value::NULL;
    };
    let items: Vec<Value> = mt.iter().map(|w| int::from_i64(*w as i64)).collect();
    tuple::new(&items)
}

fn r_setstate(args: &[Value], kw: Value) -> Value {
    if !super::check_plain("setstate", args, kw, 2, 2) {
        return Value::NULL;
    }
    let Some(mt) = words(args[0]) else {
        return Value::NULL;
    };
    let st = args[1];
    if st.is_small() || kind_of(st) != Kind::Tuple {
        return errors::type_error("state vector must be a tuple");
    }
    let items = tuple::items(st);
    if items.len() != N + 1 {
        return errors::value_error("state vector is the wrong size");
    }
    let mut new = [0u32; N + 1];
    for (i, &x) in items.iter().enumerate() {
        if !int::is_int(x) {
            return errors::type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                crate::object::type_name_of(x)
            ));
        }
        let big = int::to_big(x);
        if i == N {
            match int::as_i64(x) {
                Some(w) if (0..=N as i64).contains(&w) => new[i] = w as u32,
                _ => return errors::value_error("invalid state"),
            }
            continue;
        }
        if big.is_negative() {
            return errors::overflow_error("can't convert negative int to unsigned");
        }
        match u64::try_from(&big) {
            Ok(w) => new[i] = w as u32,
            Err(_) => {
                return errors::overflow_error("Python int too large to convert to C unsigned long")
            }
        }
    }
    mt.copy_from_slice(&new);
    none()
}

pub fn create() -> Value {
    super::with_functions(
        "_kiln_random",
        &[
            ("new", r_new),
            ("seed", r_seed),
            ("random", r_random),
            ("getrandbits", r_getrandbits),
            ("getstate", r_getstate),
            ("setstate", r_setstate),
        ],
    )
}
