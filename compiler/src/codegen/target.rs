//! The targets kiln compiles for, named by their triples.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub triple: String,
}

pub const KNOWN: &[&str] = &["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"];

impl Target {
    pub fn host() -> Target {
        Target {
            triple: format!("{}-unknown-linux-gnu", std::env::consts::ARCH),
        }
    }

    pub fn parse(s: &str) -> Result<Target, String> {
        if KNOWN.contains(&s) {
            Ok(Target {
                triple: s.to_string(),
            })
        } else {
            Err(format!(
                "unknown target '{s}' (kiln knows: {})",
                KNOWN.join(", ")
            ))
        }
    }

    pub fn cranelift_triple(&self) -> &str {
        &self.triple
    }

    pub fn arch(&self) -> &str {
        self.triple.split('-').next().unwrap_or("")
    }

    pub fn is_host(&self) -> bool {
        *self == Target::host()
    }
}
