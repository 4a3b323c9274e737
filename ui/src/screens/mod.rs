pub mod forgot;
pub mod register;
pub mod reset;
pub mod server;
pub mod sign_in;
pub mod signed_in;
pub mod starting;
pub mod verify;
