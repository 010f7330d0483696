//! Correctly rounded fixed-count decimal digits of a double by exact 128-bit integer arithmetic.
//!
//! A finite double is `m * 2**e` with an integer `m < 2**53`. Scaling it by `10**s` and rounding
//! half to even is then integer work: `m * 10**s` shifted right by `-e` with the shifted-out bits
//! as the remainder, or `m * 2**e` divided by `10**-s`. Whenever every intermediate fits 128 bits
//! (the values formatting usually sees: a handful of digits around the point of a number of
//! ordinary size) this gives the same digits as Rust's exact `{:.N}` / `{:.Ne}` formatting, at a
//! fraction of its cost; otherwise the functions answer `None` and the caller formats.

/// `10**i` for every `i` whose power fits a `u128`.
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `x` (finite, `> 0`) as `(m, e)` with `x == m * 2**e` and `m` odd.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i32)
}

/// `x * 10**s` (x finite, `> 0`) rounded half to even, when it can be computed exactly in 128
/// bits.
fn scaled(x: f64, s: i32) -> Option<u128> {
    let (m, e) = decompose(x);
    let m = m as u128;
    if s >= 0 {
        let num = m.checked_mul(*POW10.get(s as usize)?)?;
        if e >= 0 {
            return (num.leading_zeros() > e as u32).then(|| num << e);
        }
        let k = (-e) as u32;
        if k >= 128 {
            return None;
        }
        let q = num >> k;
        let r = num & ((1u128 << k) - 1);
        let half = 1u128 << (k - 1);
        Some(if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        })
    } else {
        let mut den = *POW10.get((-s) as usize)?;
        let num = if e >= 0 {
            if m.leading_zeros() <= e as u32 + 1 {
                return None;
            }
            m << e
        } else {
            let k = (-e) as u32;
            if den.leading_zeros() <= k + 1 {
                return None;
            }
            den <<= k;
            m
        };
        // Both below 2**127 here, so twice the remainder cannot overflow.
        let (q, r) = (num / den, num % den);
        Some(if 2 * r > den || (2 * r == den && q & 1 == 1) {
            q + 1
        } else {
            q
        })
    }
}

/// The decimal digits of `q > 0`, without trailing zeros, and how many digits `q` has.
fn digits_of(mut q: u128) -> (Vec<u8>, usize) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    while q > u64::MAX as u128 {
        i -= 1;
        buf[i] = b'0' + (q % 10) as u8;
        q /= 10;
    }
    // 64-bit division from here on: 128-bit division is a library call.
    let mut q = q as u64;
    while q > 0 {
        i -= 1;
        buf[i] = b'0' + (q % 10) as u8;
        q /= 10;
    }
    let len = buf.len() - i;
    let mut end = buf.len();
    while buf[end - 1] == b'0' {
        end -= 1;
    }
    (buf[i..end].to_vec(), len)
}

/// Digits of `x` (finite, `> 0`) rounded to `n` places after the point, as `format_float`'s
/// fixed mode wants them: no leading or trailing zeros, and `decpt` (the value is
/// `0.d1d2... * 10**decpt`); `("0", 1)` when it rounds to zero. `None`: not exact in 128 bits.
pub fn fixed(x: f64, n: usize) -> Option<(Vec<u8>, isize)> {
    if n > 38 {
        return None;
    }
    let q = scaled(x, n as i32)?;
    if q == 0 {
        return Some((vec![b'0'], 1));
    }
    let (digits, len) = digits_of(q);
    Some((digits, len as isize - n as isize))
}

/// Digits of `x` (finite, `> 0`) rounded to `p >= 1` significant digits, without trailing
/// zeros, and `decpt`. `None`: not exact in 128 bits.
pub fn significant(x: f64, p: usize) -> Option<(Vec<u8>, isize)> {
    if p == 0 || p > 38 {
        return None;
    }
    // The estimate of the decimal exponent may be one off near a power of ten (or after
    // rounding up to one): the digit count of the result corrects it, rounding again from `x`.
    let mut s = p as i32 - 1 - x.log10().floor() as i32;
    for _ in 0..3 {
        let q = scaled(x, s)?;
        if q >= POW10[p] {
            s -= 1;
        } else if q < POW10[p - 1] {
            s += 1;
        } else {
            let (digits, _) = digits_of(q);
            return Some((digits, p as isize - s as isize));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digits Rust's exact formatting gives, in the same shape.
    fn slow_fixed(x: f64, n: usize) -> (Vec<u8>, isize) {
        let s = format!("{:.*}", n, x);
        let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
        let all: Vec<u8> = ip.bytes().chain(fp.bytes()).collect();
        let lead = all.iter().take_while(|&&b| b == b'0').count();
        if lead == all.len() {
            return (vec![b'0'], 1);
        }
        let mut d = all[lead..].to_vec();
        while d.last() == Some(&b'0') {
            d.pop();
        }
        (d, ip.len() as isize - lead as isize)
    }

    fn slow_significant(x: f64, p: usize) -> (Vec<u8>, isize) {
        let s = format!("{:.*e}", p - 1, x);
        let (mant, exp) = s.split_once('e').unwrap();
        let mut d: Vec<u8> = mant.bytes().filter(|&b| b != b'.').collect();
        while d.len() > 1 && d.last() == Some(&b'0') {
            d.pop();
        }
        (d, exp.parse::<isize>().unwrap() + 1)
    }

    #[test]
    fn matches_rust_formatting() {
        let mut state = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut samples = vec![
            0.5, 1.5, 2.5, 0.125, 0.375, 9.995, 9.5, 99.5, 0.05, 1e-300, 5e-324, 1e300, 123.456,
            2.675, 1e16, 1e22, 1e23, 0.1, 0.7, 999999.5, 4.35, 0.045,
        ];
        for _ in 0..20000 {
            let r = next();
            samples.push(f64::from_bits(r >> 2)); // any positive finite magnitude
            samples.push((r % 100_000_000) as f64 / 1000.0);
            samples.push((r % 1000) as f64 / 8.0);
        }
        for &x in samples.iter().filter(|x| x.is_finite() && **x > 0.0) {
            for n in [0, 1, 2, 3, 4, 6, 10, 17, 25] {
                if let Some(fast) = fixed(x, n) {
                    assert_eq!(fast, slow_fixed(x, n), "fixed {x:e} {n}");
                }
            }
            for p in [1, 2, 3, 5, 7, 12, 17, 20] {
                if let Some(fast) = significant(x, p) {
                    assert_eq!(fast, slow_significant(x, p), "significant {x:e} {p}");
                }
            }
        }
        // The usual sizes take the fast path.
        assert!(fixed(1234.5678, 2).is_some() && significant(1234.5678, 5).is_some());
    }
}
