//! The two documented eras of the sign-up flow (facts file §1a). The
//! trainer chooses one; every page, message and explanation follows it.
//!
//! - [`Era::Seed2016`], the seed's (up to mid-2016): portal.aadrm.com,
//!   **Get started**, a mail from Microsoft (DoNotReply@microsoft.com) with
//!   the subject "Microsoft RMS", the account page with a country and
//!   **Create**, and a second mail saying the account is ready.
//! - [`Era::October2016`] (Azure RMS documentation of 25 October 2016): the
//!   Office 365 sign-up page, **Sign up**, a mail from the Office 365 Team
//!   (support@email.microsoftonline.com) "Finish signing up for Microsoft
//!   Azure Information Protection" with **Yes, that's me**, then **One last
//!   thing ...** with names and password and **Start**; no country, no
//!   second mail; the last page offers the downloads.
//!
//! Both use the 2016 Azure AD password policy (8 to 16 characters): its
//! maximum became 256 only in 2019.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Era {
    #[default]
    Seed2016,
    October2016,
}

/// The country an October 2016 sign-up is recorded with: that page asked
/// for none, and the documents don't say how the service chose the
/// directory's region. The simulator's choice, said on the page.
pub const OCTOBER_2016_COUNTRY: &str = "US";

impl Era {
    pub const ALL: [Era; 2] = [Era::Seed2016, Era::October2016];

    pub fn label(self) -> &'static str {
        match self {
            Era::Seed2016 => "Early 2016: the seed's sign-up at portal.aadrm.com",
            Era::October2016 => "From October 2016: the Office 365 sign-up page",
        }
    }

    /// Where the documents describe this flow.
    pub fn source(self) -> &'static str {
        match self {
            Era::Seed2016 => "the seed (“RMS for Individuals and Azure Rights Management”, 2016)",
            Era::October2016 => {
                "the Azure RMS documentation of 25 October 2016 (“How users sign up for RMS for individuals”)"
            }
        }
    }

    /// The sign-up page's address.
    pub fn start_address(self) -> &'static str {
        match self {
            Era::Seed2016 => "https://portal.aadrm.com",
            Era::October2016 => {
                "https://portal.office.com/signup?sku=rms&ru=https%3A%2F%2Fportal.azurerms.com%2F%23%2Fdownload"
            }
        }
    }

    /// The sign-up page's address without its return parameter, as the
    /// portal shows it.
    pub fn shown_address(self) -> &'static str {
        match self {
            Era::Seed2016 => "https://portal.aadrm.com",
            Era::October2016 => "https://portal.office.com/signup?sku=rms",
        }
    }

    /// The sign-up page's button.
    pub fn start_button(self) -> &'static str {
        match self {
            Era::Seed2016 => "Get started",
            Era::October2016 => "Sign up",
        }
    }

    pub fn sender_name(self) -> &'static str {
        match self {
            Era::Seed2016 => "Microsoft",
            Era::October2016 => "Office 365 Team",
        }
    }

    pub fn sender(self) -> &'static str {
        match self {
            Era::Seed2016 => "DoNotReply@microsoft.com",
            Era::October2016 => "support@email.microsoftonline.com",
        }
    }

    pub fn confirmation_subject(self) -> &'static str {
        match self {
            Era::Seed2016 => "Microsoft RMS",
            Era::October2016 => "Finish signing up for Microsoft Azure Information Protection",
        }
    }

    /// The link in the confirmation mail.
    pub fn link_text(self) -> &'static str {
        match self {
            Era::Seed2016 => "Complete your sign-up",
            Era::October2016 => "Yes, that's me",
        }
    }

    /// The account page's heading.
    pub fn details_heading(self) -> &'static str {
        match self {
            Era::Seed2016 => "Microsoft Rights Management",
            Era::October2016 => "One last thing ...",
        }
    }

    /// The account page's button.
    pub fn create_button(self) -> &'static str {
        match self {
            Era::Seed2016 => "Create",
            Era::October2016 => "Start",
        }
    }

    /// Whether the account page asks for a country.
    pub fn asks_country(self) -> bool {
        self == Era::Seed2016
    }

    /// Whether a second mail says the account is ready.
    pub fn sends_ready_mail(self) -> bool {
        self == Era::Seed2016
    }

    /// Which devices the sign-up works from.
    pub fn devices(self) -> &'static str {
        match self {
            Era::Seed2016 => "a Windows or Mac computer",
            Era::October2016 => "a Windows or Mac computer, or a mobile device",
        }
    }
}

/// For `skip_serializing_if`: the default era is not stored.
pub fn is_seed(e: &Era) -> bool {
    *e == Era::Seed2016
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eras_differ_where_the_documents_say() {
        let (a, b) = (Era::Seed2016, Era::October2016);
        assert_eq!(
            (a.sender(), a.confirmation_subject(), a.start_button()),
            ("DoNotReply@microsoft.com", "Microsoft RMS", "Get started")
        );
        assert_eq!(
            (b.sender_name(), b.sender(), b.confirmation_subject()),
            (
                "Office 365 Team",
                "support@email.microsoftonline.com",
                "Finish signing up for Microsoft Azure Information Protection"
            )
        );
        assert_eq!(
            (b.start_button(), b.link_text(), b.details_heading(), b.create_button()),
            ("Sign up", "Yes, that's me", "One last thing ...", "Start")
        );
        assert!(a.asks_country() && !b.asks_country());
        assert!(a.sends_ready_mail() && !b.sends_ready_mail());
        assert_eq!(Era::default(), a, "the seed's era unless the trainer chooses");
    }
}
