//! The account page ("Create"): its fields and their checks.

use crate::sim::basics::countries;
use crate::sim::basics::password::{PasswordProblem, check_policy};
use serde::{Deserialize, Serialize};

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

pub const NAME_MAX: usize = 64;

/// Checks the account page's fields; every problem is reported at once.
pub fn validate_details(d: &AccountDetails) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut name = |field, value: &str, label: &str| {
        let v = value.trim();
        if v.is_empty() {
            errs.push(FieldError { field, message: format!("Enter your {label}.") });
        } else if v.chars().count() > NAME_MAX {
            errs.push(FieldError { field, message: format!("Your {label} can have at most {NAME_MAX} characters.") });
        } else if v.chars().any(|c| c.is_control()) {
            errs.push(FieldError {
                field,
                message: format!("Your {label} contains control characters; type it again."),
            });
        }
    };
    name(Field::FirstName, &d.first_name, "first name");
    name(Field::LastName, &d.last_name, "last name");
    if d.password.is_empty() {
        errs.push(FieldError { field: Field::Password, message: "Enter a password.".into() });
    } else {
        errs.extend(
            check_policy(&d.password)
                .into_iter()
                .map(|p: PasswordProblem| FieldError { field: Field::Password, message: p.to_string() }),
        );
    }
    if d.confirm_password.is_empty() && !d.password.is_empty() {
        errs.push(FieldError {
            field: Field::ConfirmPassword,
            message: "Enter the password again to confirm it.".into(),
        });
    } else if d.confirm_password != d.password {
        errs.push(FieldError {
            field: Field::ConfirmPassword,
            message: "The passwords don't match. Type the same password in both boxes.".into(),
        });
    }
    if d.country.trim().is_empty() {
        errs.push(FieldError {
            field: Field::Country,
            message: "Select your country, or the nearest country to yours if it isn't listed.".into(),
        });
    } else if countries::name_of(d.country.trim()).is_none() {
        errs.push(FieldError { field: Field::Country, message: "Select a country from the list.".into() });
    }
    errs
}
