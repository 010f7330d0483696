//! One file per built-in type: its layout, its operations, and the methods Python code sees.

pub mod bool;
pub mod builtin_function;
pub mod cell;
pub mod code;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod method;
pub mod module;
pub mod range;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod type_;
