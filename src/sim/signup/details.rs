//! The account page ("Create"): its fields and their checks.

use crate::sim::basics::countries;
use crate::sim::basics::password::{PasswordProblem, check_policy};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The account page's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetails {
    pub first_name: String,
    pub last_name: String,
    pub password: String,
    pub confirm_password: String,
    pub country: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    FirstName,
    LastName,
    Password,
    ConfirmPassword,
    Country,
}

/// One problem with one field of the account page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: FieldProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldProblem {
    Missing,
    TooLong,
    ControlCharacters,
    /// The cloud password policy's objection.
    Password(PasswordProblem),
    /// The confirmation box is empty.
    NotConfirmed,
    /// The two passwords differ.
    Mismatch,
    UnknownCountry,
}

pub const NAME_MAX: usize = 64;

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::FirstName => "first name",
            Field::LastName => "last name",
            Field::Password => "password",
            Field::ConfirmPassword => "password confirmation",
            Field::Country => "country",
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match (&self.problem, self.field) {
            (FieldProblem::Missing, Field::Password) => f.write_str("Enter a password."),
            (FieldProblem::Missing, Field::Country) => {
                f.write_str("Select your country, or the nearest country to yours if it isn't listed.")
            }
            (FieldProblem::Missing, _) => write!(f, "Enter your {label}."),
            (FieldProblem::TooLong, _) => write!(f, "Your {label} can have at most {NAME_MAX} characters."),
            (FieldProblem::ControlCharacters, _) => {
                write!(f, "Your {label} contains control characters; type it again.")
            }
            (FieldProblem::Password(p), _) => write!(f, "{p}"),
            (FieldProblem::NotConfirmed, _) => f.write_str("Enter the password again to confirm it."),
            (FieldProblem::Mismatch, _) => {
                f.write_str("The passwords don't match. Type the same password in both boxes.")
            }
            (FieldProblem::UnknownCountry, _) => f.write_str("Select a country from the list."),
        }
    }
}

/// Checks the account page's fields; every problem is reported at once.
/// The country is checked only where the page asks for it (the seed's era).
pub fn validate_details(d: &AccountDetails, asks_country: bool) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut name = |field, value: &str| {
        let v = value.trim();
        let problem = if v.is_empty() {
            FieldProblem::Missing
        } else if v.chars().count() > NAME_MAX {
            FieldProblem::TooLong
        } else if v.chars().any(|c| c.is_control()) {
            FieldProblem::ControlCharacters
        } else {
            return;
        };
        errs.push(FieldError { field, problem });
    };
    name(Field::FirstName, &d.first_name);
    name(Field::LastName, &d.last_name);
    if d.password.is_empty() {
        errs.push(FieldError { field: Field::Password, problem: FieldProblem::Missing });
    } else {
        errs.extend(
            check_policy(&d.password)
                .into_iter()
                .map(|p: PasswordProblem| FieldError { field: Field::Password, problem: FieldProblem::Password(p) }),
        );
    }
    if d.confirm_password.is_empty() && !d.password.is_empty() {
        errs.push(FieldError { field: Field::ConfirmPassword, problem: FieldProblem::NotConfirmed });
    } else if d.confirm_password != d.password {
        errs.push(FieldError { field: Field::ConfirmPassword, problem: FieldProblem::Mismatch });
    }
    if !asks_country {
        return errs;
    }
    if d.country.trim().is_empty() {
        errs.push(FieldError { field: Field::Country, problem: FieldProblem::Missing });
    } else if countries::name_of(d.country.trim()).is_none() {
        errs.push(FieldError { field: Field::Country, problem: FieldProblem::UnknownCountry });
    }
    errs
}
