//! A crowded world, for measuring and for looking at long lists: a class of
//! `users` people signing up ("Get started", then "Create") as
//! `user{i}@org{i % tenants}.com`, each domain its own unmanaged tenant.
//! `examples/big_world.rs`, the benchmarks and the long-list tests use it.

use super::AccountDetails;
use crate::sim::World;
use crate::sim::basics::email::Email;
use crate::sim::basics::rand::RandomSource;
use crate::sim::devices::SHARED_BROWSER;

impl World {
    /// Signs up `users` people across `tenants` domains (at least one), each
    /// named "{first_name} User". Panics if a sign-up is refused (the
    /// addresses are made to be accepted).
    pub fn sign_up_crowd(&mut self, users: usize, tenants: usize, first_name: &str, rng: &mut dyn RandomSource) {
        let details = AccountDetails {
            first_name: first_name.into(),
            last_name: "User".into(),
            password: "Crowd-2016!".into(),
            confirm_password: "Crowd-2016!".into(),
            country: "US".into(),
        };
        for i in 0..users {
            let address = format!("user{i}@org{}.com", i % tenants.max(1));
            self.start_signup(SHARED_BROWSER, &address, rng).expect("a crowd's sign-up starts");
            let email = Email::parse(&address).expect("a crowd's address is valid");
            let token = self.signups.pending[&email].clone();
            self.complete_signup(&token, &details, rng).expect("a crowd's sign-up completes");
        }
    }
}
