//! The compiler's error: one clear line for the user, and whether it was their input or the
//! command line that was wrong (exit status 1 or 2).

#[derive(Debug)]
pub struct Error {
    pub message: String,
    /// A command-line mistake (exit status 2) rather than a problem with the input (1).
    pub usage: bool,
    /// Already in the `file:line: error: ...` form of a problem in the input.
    pub located: bool,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            usage: false,
            located: false,
        }
    }
    pub fn usage(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            usage: true,
            located: false,
        }
    }
    /// A problem at a place in the input, given as `file:line: error: ...`.
    pub fn located(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            usage: false,
            located: true,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
